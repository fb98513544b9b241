from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "chinar_cms.campaigns"
    label = "campaigns"
    verbose_name = "Campaigns"
