# Source this: starts a throwaway PostgreSQL cluster on 127.0.0.1 and exports CHINAR_TEST_POSTGRES_URL,
# which the CMS tests use to run the same suite against PostgreSQL as against SQLite.
PGVER=$(ls /usr/lib/postgresql | sort -V | tail -n1)
PGBIN=/usr/lib/postgresql/$PGVER/bin
PGDATA=$(mktemp -d /tmp/chinar-pg.XXXXXX)
PGPORT=${PGPORT:-54329}
chown postgres "$PGDATA"
su postgres -c "$PGBIN/initdb -D $PGDATA -A trust -U postgres >/dev/null"
su postgres -c "$PGBIN/pg_ctl -D $PGDATA -o '-h 127.0.0.1 -p $PGPORT -k /tmp' -l $PGDATA/log -w start >/dev/null"
export CHINAR_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PGPORT/chinar_test"
echo "PostgreSQL $PGVER at $CHINAR_TEST_POSTGRES_URL"
