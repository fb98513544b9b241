/*
 * Chinar search client: instant, multilingual, typo-tolerant search over the static index that
 * `chinar.search.export` writes to /search-index/. No framework, no inline code (strict CSP), no
 * markup from the query or the content ever parsed: every node is made with createElement/textContent.
 *
 * The analysis, the query plan and the ranking follow site/chinar/search/{analysis,query}.py step by
 * step (the tables come from manifest.json), so the browser returns the same top 10 as `chinar search`.
 * Ranking is exact: postings lists are cut into score-ordered slices and fetched best-first only until
 * no unfetched posting can change the top k (threshold algorithm without random access).
 *
 * Enhances: the header form (form.site-search: results as you type, arrow keys, Enter opens) and the
 * search page (#search-app: ?q= in the URL, facet filters with counts, "more results").
 * User-visible strings come from data-msg-* attributes of #search-app (rendered with gettext).
 */
(function () {
  'use strict';
  if (window.ChinarSearch) return;  // loaded twice (the loader and a page's own tag): once is enough

  // ---------------------------------------------------------------- analysis (analysis.py)
  var STEP2 = {ational: 'ate', tional: 'tion', enci: 'ence', anci: 'ance', izer: 'ize', bli: 'ble', alli: 'al',
    entli: 'ent', eli: 'e', ousli: 'ous', ization: 'ize', ation: 'ate', ator: 'ate', alism: 'al',
    iveness: 'ive', fulness: 'ful', ousness: 'ous', aliti: 'al', iviti: 'ive', biliti: 'ble', logi: 'log'};
  var STEP3 = {icate: 'ic', ative: '', alize: 'al', iciti: 'ic', ical: 'ic', ful: '', ness: ''};
  var C = '[^aeiouy]+', V = '[aeiou]+';
  var MGR0 = new RegExp('^(' + C + ')?' + V + C);
  var MEQ1 = new RegExp('^(' + C + ')?' + V + C + '(' + V + ')?$');
  var MGR1 = new RegExp('^(' + C + ')?' + V + C + V + C);
  var S_V = new RegExp('^(' + C + ')?[aeiouy]');
  var C_V = new RegExp('^' + C + '[aeiouy][^aeiouwxy]$');
  var ED_ING = /^(.*)(ed|ing)$/;
  var AT_BL_IZ = /^(at|bl|iz)$/;
  var STEP1B = /^([^aeiouylsz])\1$/;
  var RE2 = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
  var RE3 = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
  var RE4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
  var RE4B = /^(.+?)(s|t)(ion)$/;
  var RE5 = /^(.+?)e$/;

  /* Porter stemmer, a line-by-line port of whoosh.lang.porter.stem (quirks included). */
  function porter(w) {
    if (w.length < 3) return w;
    var m, s;
    var firstY = w.charAt(0) === 'y';
    if (firstY) w = 'Y' + w.slice(1);
    if (w.slice(-1) === 's') {
      if (w.slice(-4) === 'sses') w = w.slice(0, -2);
      else if (w.slice(-3) === 'ies') w = w.slice(0, -2);
      else if (w.charAt(w.length - 2) !== 's') w = w.slice(0, -1);
    }
    if (w.slice(-3) === 'eed') {
      if (MGR0.test(w.slice(0, -3))) w = w.slice(0, -1);
    } else if ((m = ED_ING.exec(w))) {
      s = m[1];
      if (S_V.test(s)) {
        w = s;
        if (AT_BL_IZ.test(w)) w += 'e';
        else if (STEP1B.test(w)) w = w.slice(0, -1);
        else if (C_V.test(w)) w += 'e';
      }
    }
    if (w.slice(-1) === 'y') {
      s = w.slice(0, -1);
      if (S_V.test(s)) w = s + 'i';
    }
    if ((m = RE2.exec(w)) && MGR0.test(m[1])) w = m[1] + STEP2[m[2]];
    if ((m = RE3.exec(w)) && MGR0.test(m[1])) w = m[1] + STEP3[m[2]];
    if ((m = RE4.exec(w))) {
      if (MGR1.test(m[1])) w = m[1];
    } else if ((m = RE4B.exec(w))) {
      s = m[1] + m[2];
      if (MGR1.test(s)) w = s;
    }
    if ((m = RE5.exec(w))) {
      s = m[1];
      if (MGR1.test(s) || (MEQ1.test(s) && !C_V.test(s))) w = s;
    }
    if (w.slice(-2) === 'll' && MGR1.test(w)) w = w.slice(0, -1);
    if (firstY) w = 'y' + w.slice(1);
    return w;
  }

  function cps(s) { return Array.from(s); }

  function translate(text, table) {
    var out = '';
    for (var ch of text) out += Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : ch;
    return out;
  }

  function Analyzer(tables) {
    this.t = tables;
    this.token = new RegExp(tables.token.replace(/\\u([0-9a-fA-F]{4})/g, '\\u$1'), 'gu');
    this.stop = new Set(tables.stop);
  }
  Analyzer.prototype.script = function (tok) {
    for (var ch of tok) {
      var o = ch.codePointAt(0);
      if (o >= 0x0900 && o <= 0x097F) return 'deva';
      if ((o >= 0x0600 && o <= 0x06FF) || (o >= 0x0750 && o <= 0x077F) || (o >= 0x08A0 && o <= 0x08FF) ||
          (o >= 0xFB50 && o <= 0xFEFF)) return 'arab';
    }
    return 'latn';
  };
  /* One raw token (already NFC + lower case) -> normalised word, or null if too short. */
  Analyzer.prototype.word = function (raw) {
    var tok = this.normalise(raw);
    return cps(tok).length >= this.t.min_length ? tok : null;
  };
  /* analysis.normalise: the same whatever the length. */
  Analyzer.prototype.normalise = function (raw) {
    var t = this.t, tok = translate(raw, t.digits), kind = this.script(tok);
    if (kind === 'deva') tok = translate(tok.normalize('NFD'), t.deva_main).normalize('NFC');
    else if (kind === 'arab') tok = translate(tok, t.arab_main).normalize('NFC');
    else tok = tok.normalize('NFD').replace(/\p{M}/gu, '');
    return tok;
  };
  Analyzer.prototype.words = function (text) {
    var out = [], m, w;
    var low = text.normalize('NFC').toLowerCase();
    this.token.lastIndex = 0;
    while ((m = this.token.exec(low))) {
      w = this.word(m[0]);
      if (w) out.push(w);
    }
    return out;
  };
  Analyzer.prototype.stem = function (w) { return this.script(w) === 'latn' ? porter(w) : w; };
  Analyzer.prototype.terms = function (text) {
    var self = this;
    return this.words(text).filter(function (w) { return !self.stop.has(w); }).map(function (w) { return self.stem(w); });
  };
  Analyzer.prototype.fold = function (term) {
    var kind = this.script(term);
    if (kind === 'deva') return translate(term, this.t.deva_fold) || null;
    if (kind === 'arab') return translate(term, this.t.arab_fold) || null;
    return null;
  };
  Analyzer.prototype.skeleton = function (term) {
    var out = [];
    for (var ch of term) {
      var cls = this.t.skeleton[ch];
      if (cls && (!out.length || out[out.length - 1] !== cls)) out.push(cls);
    }
    return out.length >= this.t.min_skeleton ? out.join('') : null;
  };
  /* query._spans: the query as analysed and its raw tokens [raw, end, start] */
  Analyzer.prototype.spans = function (query, maxChars) {
    var text = cps(query.normalize('NFC')).slice(0, maxChars).join('').toLowerCase();
    var spans = [], m;
    this.token.lastIndex = 0;
    while ((m = this.token.exec(text))) spans.push([m[0], m.index + m[0].length, m.index]);
    return {text: text, spans: spans};
  };
  /* query.query_words: [{word, term, open}] */
  Analyzer.prototype.queryWords = function (query, maxChars, maxWords) {
    var found = this.spans(query, maxChars), text = found.text, spans = found.spans, out = [];
    for (var i = 0; i < spans.length; i++) {
      var w = this.word(spans[i][0]);
      if (!w || this.stop.has(w)) continue;
      out.push({word: w, term: this.stem(w), open: i === spans.length - 1 && spans[i][1] === text.length});
    }
    return out.slice(0, maxWords);
  };

  function editDistance(a, b, limit) {
    a = cps(a); b = cps(b);
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = [], prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < best) best = v;
      }
      if (best > limit) return limit + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length] <= limit ? prev[b.length] : limit + 1;
  }

  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function cmpTuple(x, y) {
    for (var i = 0; i < x.length; i++) { var c = typeof x[i] === 'number' ? x[i] - y[i] : cmp(x[i], y[i]); if (c) return c; }
    return 0;
  }

  // ---------------------------------------------------------------- the static index
  function SearchIndex(base) {
    this.base = base.replace(/\/?$/, '/');
    this.cache = new Map();
    this.fetched = [];
  }
  SearchIndex.prototype.get = function (path, kind) {
    var self = this;
    if (!this.cache.has(path)) {
      var p = fetch(this.base + path, {credentials: 'same-origin'}).then(function (r) {
        if (!r.ok) throw new Error('search index: ' + r.status + ' for ' + path);
        self.fetched.push(path);
        return kind === 'bin' ? r.arrayBuffer() : r.json();
      });
      p.catch(function () { self.cache.delete(path); });
      this.cache.set(path, p);
    }
    return this.cache.get(path);
  };
  SearchIndex.prototype.load = function () {
    var self = this;
    return this.get('manifest.json').then(function (m) {
      self.m = m;
      self.locales = m.facets.locales;  /* the site's languages, default first (chinar.languages) */
      self.languages = new Map();  /* code -> {code, name, dir, tag}: the registry, through the manifest */
      m.languages.languages.forEach(function (l) { self.languages.set(l.code, l); });
      self.an = new Analyzer(m.tables);
      self.phrases = new Map();
      self.singles = new Map();
      self.longest = 1;
      m.phrases.forEach(function (p) {
        self.phrases.set(p[0], p[1]);
        var n = p[0].split(' ').length;
        if (n === 1) self.singles.set(p[0], p[1]);
        if (n > self.longest) self.longest = n;
      });
      return self;
    });
  };
  /* The dictionary shard holding `key`: the longest listed prefix of its first 3 characters. */
  SearchIndex.prototype.shard = function (key) {
    var c = cps(key), vol = this.m.dict[c[0]];
    if (!vol) return Promise.resolve({});
    for (var n = Math.min(3, c.length); n >= 1; n--) {
      var i = vol[1].indexOf(c.slice(0, n).join(''));
      if (i >= 0) return this.get('d/' + vol[0] + '/' + i + '.json');
    }
    return Promise.resolve({});
  };
  SearchIndex.prototype.entry = function (key) {
    return this.shard(key).then(function (s) { return Object.prototype.hasOwnProperty.call(s, key) ? s[key] : null; });
  };
  SearchIndex.prototype.df = function (term) {
    return this.entry(term).then(function (e) { return e ? e[0] : 0; });
  };
  SearchIndex.prototype.prefixed = function (prefix) {
    return this.shard(prefix).then(function (s) {
      return Object.keys(s).filter(function (k) { return '~#@'.indexOf(k.charAt(0)) < 0 && k.startsWith(prefix); })
        .map(function (k) { return [k, s[k][0]]; });
    });
  };
  SearchIndex.prototype.typoPool = function (term) {
    var c = cps(term), t = this.m.typo;
    var first = t.first[c[0]], last = t.last[c[c.length - 1]];
    return Promise.all([first ? this.get('t/' + first + '.json') : {}, last ? this.get('t/' + last + '.json') : {}])
      .then(function (r) {
        var set = new Set((r[0][c.slice(0, 2).join('')] || []).concat(r[1][c.slice(-2).join('')] || []));
        return Array.from(set).sort(cmp);
      });
  };
  /* One postings slice -> {docs, scores, combos}, decoded once and kept (a warm query decodes nothing). */
  SearchIndex.prototype.slice = function (ref) {
    var key = ref[0] + ':' + ref[1], self = this;
    if (!this.decoded) this.decoded = new Map();
    if (this.decoded.has(key)) return this.decoded.get(key);
    var p = this.get(ref[0], 'bin').then(function (buf) {
      var bytes = new Uint8Array(buf, ref[1], ref[2]), out = {docs: [], scores: [], combos: []};
      var v = 0, mul = 1, field = 0, doc = 0;
      for (var i = 0; i < bytes.length; i++) {
        var b = bytes[i];
        v += (b & 0x7f) * mul;
        if (b & 0x80) { mul *= 128; continue; }
        if (field === 0) { doc += v; out.docs.push(doc); } else if (field === 1) out.scores.push(v); else out.combos.push(v);
        field = (field + 1) % 3; v = 0; mul = 1;
      }
      out.docs.length = out.combos.length;
      out.scores.length = out.combos.length;
      return out;
    });
    p.catch(function () { self.decoded.delete(key); });
    this.decoded.set(key, p);
    return p;
  };
  SearchIndex.prototype.stored = function (doc) {
    var st = this.m.store, chunk = Math.floor(doc / st.chunk), vol = st.volumes[Math.floor(chunk / st.volume)];
    return this.get('s/' + vol + '/' + chunk + '.json').then(function (rows) { return rows[doc % st.chunk]; });
  };

  // ---------------------------------------------------------------- query plan (query.py: plan)
  SearchIndex.prototype.wordSlot = async function (qw) {
    var q = this.m.query, an = this.an, slot = new Map(), self = this;
    function put(key, coef) { if (coef > (slot.get(key) || 0)) slot.set(key, coef); }
    var t = qw.term;
    if ((await this.df(t)) > 0) {
      put(t, q.full);
    } else {
      var parts = [], f = an.fold(t), s = an.skeleton(t);
      if (f) parts.push('~' + f);
      if (s) parts.push('#' + s);
      (this.singles.get(t) || []).forEach(function (g) { parts.push('@' + g); });
      for (var i = 0; i < parts.length; i++) if (await this.entry(parts[i])) put(parts[i], q.full);
      var n = cps(qw.word).length, limit = n >= 9 ? 2 : n >= 5 ? 1 : 0;
      if (limit) {
        var found = [], pool = await this.typoPool(t);
        var near = pool.filter(function (c) { return c !== t; })
          .map(function (c) { return [editDistance(t, c, limit), c]; })
          .filter(function (x) { return x[0] <= limit; });
        var dfs = await Promise.all(near.map(function (x) { return self.df(x[1]); }));
        near.forEach(function (x, k) { found.push([x[0], -dfs[k], x[1]]); });
        found.sort(cmpTuple).slice(0, q.typo_limit).forEach(function (x) { put(x[2], q.typo_coef[String(x[0])]); });
      }
    }
    if (qw.open && cps(qw.word).length >= q.prefix_min) {
      var ranked = (await this.prefixed(qw.word)).filter(function (p) { return p[0] !== t && p[1] > 0; })
        .map(function (p) { return [-p[1], p[0]]; }).sort(cmpTuple);
      ranked.slice(0, q.prefix_limit).forEach(function (x) { put(x[1], q.prefix_coef); });
    }
    return slot;
  };
  /* query.respell: another reading of a query that found nothing, {words, text}, or null. */
  var SPLIT_MIN = 3, SPLIT_REST_MIN = 2;
  SearchIndex.prototype.respell = async function (query) {
    var q = this.m.query, an = this.an, found = an.spans(query, q.max_chars), spans = found.spans;
    var words = [], mixed = [], i = 0, j, k, w;
    while (i < spans.length) {
      j = i;
      while (j + 1 < spans.length && spans[j + 1][2] === spans[j][1]) j++;
      w = spans.slice(i, j + 1).map(function (s) { return an.normalise(s[0]); }).join('');
      if (cps(w).length >= an.t.min_length && !(i === j && an.stop.has(w))) {
        words.push({word: w, term: i === j ? an.stem(w) : w,
          open: j === spans.length - 1 && spans[j][1] === found.text.length});
        mixed.push(i !== j);
      }
      i = j + 1;
    }
    words = words.slice(0, q.max_words); mixed = mixed.slice(0, q.max_words);
    var changed = mixed.indexOf(true) >= 0, out = [];
    k = 0;
    while (k < words.length) {
      w = words[k];
      if (k + 1 < words.length && !mixed[k] && !mixed[k + 1]) {
        var joined = w.word + words[k + 1].word, term = an.stem(joined);
        if ((await this.df(term)) > 0) {
          out.push({word: joined, term: term, open: words[k + 1].open});
          changed = true; k += 2; continue;
        }
      }
      if (!mixed[k] && cps(w.word).length >= 5 && (await this.df(w.term)) === 0) {
        var parts = await this.split(w);
        if (parts) { out.push.apply(out, parts); changed = true; k++; continue; }
      }
      out.push(w); k++;
    }
    if (!changed) return null;
    return {words: out, text: mixed.indexOf(true) >= 0 ? '' : out.map(function (x) { return x.word; }).join(' ')};
  };
  SearchIndex.prototype.split = async function (w) {
    var c = cps(w.word), an = this.an;
    var heads = (await this.prefixed(c.slice(0, SPLIT_MIN).join(''))).filter(function (p) {
      var n = cps(p[0]).length;
      return p[1] > 0 && n >= SPLIT_MIN && n <= c.length - SPLIT_REST_MIN && w.word.startsWith(p[0]);
    }).map(function (p) { return p[0]; }).sort(function (a, b) { return cps(b).length - cps(a).length || cmp(a, b); });
    for (var i = 0; i < heads.length; i++) {
      var rest = c.slice(cps(heads[i]).length).join('');
      if (an.stop.has(rest)) continue;
      var term = an.stem(rest);
      if ((await this.df(term)) > 0) return [{word: heads[i], term: heads[i], open: false}, {word: rest, term: term, open: w.open}];
    }
    return null;
  };
  SearchIndex.prototype.plan = function (query) {
    var q = this.m.query;
    return this.planWords(this.an.queryWords(query, q.max_chars, q.max_words));
  };
  SearchIndex.prototype.planWords = async function (qws) {
    var q = this.m.query, slots = [], i = 0;
    while (i < qws.length) {
      var n = 1;
      for (var k = Math.min(this.longest, qws.length - i); k > 1; k--) {
        if (this.phrases.has(qws.slice(i, i + k).map(function (w) { return w.term; }).join(' '))) { n = k; break; }
      }
      var merged = new Map();
      if (n > 1) {
        var gids = this.phrases.get(qws.slice(i, i + n).map(function (w) { return w.term; }).join(' '));
        for (var g = 0; g < gids.length; g++) if (await this.entry('@' + gids[g])) merged.set('@' + gids[g], q.full);
      }
      for (var j = i; j < i + n; j++) {
        (await this.wordSlot(qws[j])).forEach(function (coef, key) { merged.set(key, Math.max(coef, merged.get(key) || 0)); });
      }
      if (merged.size || !(qws[qws.length - 1].open && i + n === qws.length)) {
        slots.push(Array.from(merged.entries()).sort(function (a, b) { return cmp(a[0], b[0]); }));
      }
      i += n;
    }
    return slots;
  };

  // ---------------------------------------------------------------- exact top-k (query.py: rank)
  /* A facet combination: type, language, price band, crafts, districts, and the languages whose search
     page shows the document in place of a translation its thing lacks (documents.stands_in). */
  SearchIndex.prototype.comboFacets = function (combo) {
    var c = this.m.combos[combo], f = this.m.facets;
    return {type: f.types[c[0]], locale: f.locales[c[1]], band: c[2] >= 0 ? f.bands[c[2]] : '',
      crafts: c[3].map(function (i) { return f.crafts[i]; }), districts: c[4].map(function (i) { return f.districts[i]; }),
      standsIn: c[5].map(function (i) { return f.locales[i]; })};
  };
  /* query.Filters.accepts. locale: pages in that language only; view: what the search page of that
     language lists (its pages, and the version shown of things not written in it). */
  function accepts(filters, fc, skip) {
    return (skip === 'type' || !filters.type || fc.type === filters.type) &&
      (skip === 'locale' || !filters.locale || fc.locale === filters.locale) &&
      (skip === 'view' || !filters.view || fc.locale === filters.view || fc.standsIn.indexOf(filters.view) >= 0) &&
      (skip === 'craft' || !filters.craft || fc.crafts.indexOf(filters.craft) >= 0) &&
      (skip === 'district' || !filters.district || fc.districts.indexOf(filters.district) >= 0) &&
      (skip === 'band' || !filters.band || fc.band === filters.band);
  }

  /*
   * Per-document working arrays for rank(), indexed by document number and reused from query to
   * query (a generation stamp says which entries belong to the current one), so a query over tens of
   * thousands of postings allocates almost nothing and the browser's collector has nothing to pause
   * for. One set per concurrent query: rank() takes a set from the pool and gives it back.
   */
  function Scratch() { this.cap = 0; this.gen = 0; this.grow(4096); this.growEntries(4096, 4096); }
  Scratch.prototype.grow = function (need) {
    var cap = Math.max(need, this.cap * 2), self = this;
    function make(name, T) { var a = new T(cap); if (self[name]) a.set(self[name]); self[name] = a; }
    make('stamp', Int32Array); make('lb', Float64Array); make('ub', Float64Array); make('slots', Int32Array);
    make('combo', Int32Array); make('head', Int32Array); make('out', Uint8Array); make('top', Uint8Array);
    this.cap = cap;
  };
  /* seen: the documents met so far, in order; eList/eNext: per document, a chain of the lists it was met in. */
  Scratch.prototype.growEntries = function (seen, entries) {
    var self = this;
    function make(name, need) {
      var old = self[name];
      if (old && old.length >= need) return;
      var a = new Int32Array(Math.max(need, old ? old.length * 2 : 0));
      if (old) a.set(old);
      self[name] = a;
    }
    make('seen', seen); make('eList', entries); make('eNext', entries);
  };

  /*
   * One query's ranking state over a Scratch: rank() feeds it slices (absorb) and asks after each
   * batch whether the top k is certain yet (round). Kept synchronous and apart from the async driver
   * so the hot loops run as plain optimised code.
   */
  function Ranker(S, nSlots, k, accepted) {
    this.S = S; this.k = k; this.accepted = accepted;
    this.gen = ++S.gen; this.ALL = (1 << nSlots) - 1;
    this.live = []; this.matched = []; this.top = [];
    this.seenN = 0; this.liveFrom = 0; this.entries = 0;
  }
  Ranker.prototype.absorb = function (L, g) {
    var S = this.S, bit = 1 << L.slot, coef = L.coef, docs = g.docs, scores = g.scores, n = docs.length;
    var gen = this.gen, ALL = this.ALL, seenN = this.seenN, entries = this.entries, matched = this.matched;
    if (n && docs[n - 1] >= S.cap) S.grow(docs[n - 1] + 1);
    if (seenN + n > S.seen.length || entries + n > S.eList.length) S.growEntries(seenN + n, entries + n);
    var stamp = S.stamp, lb = S.lb, sl = S.slots, head = S.head, seen = S.seen, eList = S.eList, eNext = S.eNext;
    var combo = S.combo;
    for (var j = 0; j < n; j++) {
      var doc = docs[j];
      if (stamp[doc] !== gen) {
        stamp[doc] = gen; lb[doc] = 0; sl[doc] = 0; head[doc] = -1; combo[doc] = g.combos[j];
        seen[seenN++] = doc;
      }
      eList[entries] = L.i; eNext[entries] = head[doc]; head[doc] = entries++;
      lb[doc] += coef * scores[j];
      var had = sl[doc];
      if ((had | bit) !== had) {
        sl[doc] = had | bit;
        if ((had | bit) === ALL) matched.push(doc);
      }
    }
    this.seenN = seenN; this.entries = entries;
    L.next++;
  };
  /* Recomputes the top k and the bounds; true once no fetch can change the top k. */
  Ranker.prototype.round = function (rm, openSum, slotOpen, anyOpen) {
    var S = this.S, k = this.k, ALL = this.ALL, live = this.live, seen = S.seen, out = S.out, combo = S.combo;
    var lb = S.lb, ub = S.ub, sl = S.slots, head = S.head, eList = S.eList, eNext = S.eNext, d, i, x;
    for (; this.liveFrom < this.seenN; this.liveFrom++) {
      d = seen[this.liveFrom];
      out[d] = this.accepted(combo[d]) ? 0 : 1;
      if (!out[d]) live.push(d);
    }
    // The k best complete documents by lower bound (ties: lower number first).
    var top = [];
    for (i = 0; i < live.length; i++) {
      d = live[i];
      if ((sl[d] | slotOpen) !== ALL) { out[d] = 1; continue; }
      var unknown = openSum;
      for (x = head[d]; x >= 0; x = eNext[x]) unknown -= rm[eList[x]];
      ub[d] = lb[d] + unknown;
      if (sl[d] !== ALL) continue;
      var last = top.length ? top[top.length - 1] : -1;
      if (top.length < k || lb[d] > lb[last] || (lb[d] === lb[last] && d < last)) {
        var at = top.length < k ? top.length : k - 1;
        while (at > 0 && (lb[d] > lb[top[at - 1]] || (lb[d] === lb[top[at - 1]] && d < top[at - 1]))) at--;
        top.splice(at, 0, d);
        if (top.length > k) top.pop();
      }
    }
    this.top = top;
    if (!anyOpen) return true;
    var done = top.length === k;
    if (!top.length) return false;
    var kth = top[top.length - 1], full = top.length === k, keep = [], mark = S.top;
    for (i = 0; i < top.length; i++) { mark[top[i]] = 1; if (ub[top[i]] !== lb[top[i]]) done = false; }
    if (slotOpen === ALL && openSum >= lb[kth]) done = false;
    for (i = 0; i < live.length; i++) {
      d = live[i];
      if (out[d]) continue;
      if (!mark[d]) {
        if (ub[d] < lb[kth] || (ub[d] === lb[kth] && d > kth)) {
          if (full) continue; // behind the k-th for good
        } else {
          done = false;
        }
      }
      keep.push(d);
    }
    for (i = 0; i < top.length; i++) mark[top[i]] = 0;
    this.live = keep;
    return done;
  };

  /*
   * Fetches slices best-first until the top k is certain: every top document's score is complete,
   * and no other document (seen or not) could reach the k-th score even at its upper bound.
   * Returns {hits: [[doc, score]], total, exact, facets, combos}.
   *
   * Cost: each round (one slice fetched per list at the best remaining bound) walks only the
   * documents still in contention. Scores are integers, so bounds add up exactly in any order. A
   * document leaves contention for good once it cannot match (a slot it lacks has no slices left),
   * fails the filters, or its upper bound falls behind the k-th lower bound: lower bounds only grow
   * and upper bounds only shrink, so that document can never come back. It still collects its
   * postings, for the total and the facet counts.
   */
  SearchIndex.prototype.rank = async function (slots, k, filters) {
    var lists = [];
    var empty = {hits: [], total: 0, exact: true, facets: null, combos: new Map()};
    if (!slots.length) return empty;
    for (var s = 0; s < slots.length; s++) {
      var n = 0;
      for (var e = 0; e < slots[s].length; e++) {
        var entry = await this.entry(slots[s][e][0]);
        if (entry) {
          lists.push({i: lists.length, slot: s, coef: slots[s][e][1], refs: entry[1], next: 0});
          n++;
        }
      }
      if (!n) return empty;
    }
    if (!this.scratch) this.scratch = [];
    var S = this.scratch.pop() || new Scratch();
    try {
      return await this.rankWith(S, lists, slots.length, k, filters || {});
    } finally {
      this.scratch.push(S);
    }
  };
  SearchIndex.prototype.facetsOf = function (combo) {
    if (!this.facetCache) this.facetCache = new Map();
    var fc = this.facetCache.get(combo);
    if (!fc) { fc = this.comboFacets(combo); this.facetCache.set(combo, fc); }
    return fc;
  };
  SearchIndex.prototype.rankWith = async function (S, lists, nSlots, k, filters) {
    var self = this, acceptCache = new Map();
    function accepted(combo) {
      var ok = acceptCache.get(combo);
      if (ok === undefined) { ok = accepts(filters, self.facetsOf(combo)); acceptCache.set(combo, ok); }
      return ok;
    }
    function restMax(L) { return L.next < L.refs.length ? L.coef * L.refs[L.next][4] : 0; }
    var R = new Ranker(S, nSlots, k, accepted), chosen = lists.slice(), open;
    for (;;) {
      var got = await Promise.all(chosen.map(function (L) { return self.slice(L.refs[L.next]); }));
      for (var c = 0; c < chosen.length; c++) R.absorb(chosen[c], got[c]);
      open = lists.filter(function (L) { return L.next < L.refs.length; });
      var rm = lists.map(restMax), openSum = 0, slotOpen = 0;
      open.forEach(function (L) { openSum += rm[L.i]; slotOpen |= 1 << L.slot; });
      if (R.round(rm, openSum, slotOpen, open.length > 0)) break;
      var best = Math.max.apply(null, open.map(restMax));
      chosen = open.filter(function (L) { return restMax(L) === best; });
    }
    // Total and facet counts over every complete document, one facet lookup per combination.
    var total = 0, counts = {}, dims = ['type', 'locale', 'view', 'craft', 'district', 'band'], byCombo = new Map();
    R.matched.forEach(function (d) { byCombo.set(S.combo[d], (byCombo.get(S.combo[d]) || 0) + 1); });
    dims.forEach(function (dim) { counts[dim] = new Map(); });
    byCombo.forEach(function (count, combo) {
      var fc = self.facetsOf(combo);
      if (accepted(combo)) total += count;
      dims.forEach(function (dim) {
        if (!accepts(filters, fc, dim)) return;
        var vals = dim === 'craft' ? fc.crafts : dim === 'district' ? fc.districts :
          dim === 'view' ? [fc.locale].concat(fc.standsIn) : [fc[dim]];
        vals.forEach(function (v) { if (v) counts[dim].set(v, (counts[dim].get(v) || 0) + count); });
      });
    });
    var combos = new Map();
    R.top.forEach(function (t) { combos.set(t, S.combo[t]); });
    return {hits: R.top.map(function (t) { return [t, S.lb[t]]; }), total: total, exact: !open.length,
      facets: counts, combos: combos};
  };

  // ---------------------------------------------------------------- user interface
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function fmt(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m;
    });
  }

  /* Interface strings: the data-msg-* attributes of #search-app, looked up by their attribute name
     ("band-20000-50000" is data-msg-band-20000-50000: dataset turns "-x" into "X", leaves "-2" alone). */
  function Messages(node) { this.node = node; }
  Messages.prototype.get = function (name) {
    var key = ('msg-' + name).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); });
    return (this.node && this.node.dataset[key]) || '';
  };

  /* A language named for the reader: in the page's language when the page says so (the search page's
     data-msg-lang-*), else in itself (the registry's name, from the manifest). */
  SearchIndex.prototype.languageName = function (code, msgs) {
    var l = this.languages.get(code);
    return (msgs && msgs.get('lang-' + code)) || (l ? l.name : code);
  };
  /* The BCP 47 tag of a language (the default language's if unknown). */
  SearchIndex.prototype.numberTag = function (code) {
    return (this.languages.get(code) || this.languages.get(this.locales[0])).tag;
  };
  /* Whole rupees as the pages write them (i18n.format_price: "₹1,25,000"), from the manifest's pattern
     of the language: Indian grouping, Latin digits, no bidi marks (Intl differs by browser). */
  SearchIndex.prototype.price = function (amount, code) {
    var p = this.m.prices[code] || this.m.prices[this.locales[0]], digits = String(Math.round(amount));
    var head = digits.slice(0, -3), groups = [digits.slice(-3)];
    while (head.length > 2) { groups.unshift(head.slice(-2)); head = head.slice(0, -2); }
    if (head) groups.unshift(head);
    return p[0] + groups.join(p[1]) + p[2];
  };

  function hitMeta(idx, res, locale, msgs) {
    var parts = [], f = res.facets, labels = idx.m.facets.labels;
    if (!f) return '';
    if (msgs) parts.push(msgs.get('type-' + f.type) || '');
    f.crafts.slice(0, 1).forEach(function (c) { var l = labels.crafts[c]; if (l) parts.push(l[locale] || l.en || c); });
    f.districts.slice(0, 1).forEach(function (c) { var l = labels.districts[c]; if (l) parts.push(l[locale] || l.en || c); });
    return parts.filter(Boolean).join(' \u00b7 ');
  }

  /* One result. A page in another language than the reader's says so: hreflang on its link, lang and
     dir on its title, and a label naming the language ("English", "अंग्रेज़ी", "انگریزی"). */
  function hitNode(idx, res, locale, msgs, tag) {
    var a = el('a', 'search-hit');
    a.href = res.url;
    var lang = res.facets ? res.facets.locale : '', other = lang && lang !== locale;
    if (other) a.hreflang = lang;
    if (res.thumb) {
      var img = el('img', 'search-hit-thumb');
      img.src = res.thumb; img.alt = ''; img.loading = 'lazy'; img.width = 64; img.height = 64;
      img.addEventListener('error', function () { img.remove(); });
      a.appendChild(img);
    }
    var body = el('span', 'search-hit-body');
    var title = el('span', 'search-hit-title', res.title);
    if (lang) {
      title.lang = lang;
      title.dir = idx.languages.has(lang) ? idx.languages.get(lang).dir : 'auto';
    }
    body.appendChild(title);
    if (other) body.appendChild(el('span', 'search-hit-lang', idx.languageName(lang, msgs)));
    var meta = hitMeta(idx, res, locale, msgs), priced = res.price !== null && res.price !== undefined;
    if (meta || priced) {
      var line = el('span', 'search-hit-meta', meta);
      if (priced) {
        // its own left-to-right run: after Urdu words the digits would otherwise count as Arabic
        // numbers (bidi rule W2) and the rupee sign land on their right
        var price = el('span', 'search-hit-price', idx.price(res.price, locale));
        price.dir = 'ltr';
        if (meta) line.appendChild(document.createTextNode(' \u00b7 '));
        line.appendChild(price);
      }
      body.appendChild(line);
    }
    a.appendChild(body);
    var li = el(tag || 'li', 'search-result');
    li.appendChild(a);
    return li;
  }

  function debounce(fn, ms) {
    var t;
    return function () { var a = arguments, self = this; clearTimeout(t); t = setTimeout(function () { fn.apply(self, a); }, ms); };
  }

  var pageLocale = (document.documentElement.lang || '').slice(0, 2);
  /* The page's language if the index has it, else the default (the manifest lists them, default first). */
  function indexLocale(idx, code) { return idx.locales.indexOf(code) >= 0 ? code : idx.locales[0]; }

  var indexPromise = null;
  function getIndex(base) {
    if (!indexPromise) indexPromise = new SearchIndex(base).load();
    return indexPromise;
  }

  /*
   * Search page: #search-app. Its state is the URL: q, the filters (type, craft, district, band; lang,
   * the language view, when not the page's own: "" for every language) and filters=open (the filter
   * panel, a collapsible one on a phone). Typing replaces the history entry; choosing or removing a
   * filter and opening or closing the panel add one, so Back undoes them and a shared link restores them.
   */
  var FILTERS = ['type', 'craft', 'district', 'band', 'view'];
  function SearchPage(root) {
    this.root = root;
    this.msgs = new Messages(root);
    this.locale = root.dataset.locale || pageLocale;
    this.input = root.querySelector('input[name="q"]');
    this.form = root.querySelector('form');
    this.status = root.querySelector('.search-status');
    this.list = root.querySelector('.search-results');
    this.facetsNode = root.querySelector('.search-facets');
    this.toggle = root.querySelector('.search-filters-toggle');
    this.active = root.querySelector('.search-active');
    this.more = root.querySelector('.search-more');
    this.idx = null;
    this.k = 10;
    this.seq = 0;
    this.readUrl();
    var self = this;
    var run = debounce(function () { self.k = 10; self.writeUrl(false); self.run(); }, 120);
    this.input.addEventListener('input', run);
    this.form.addEventListener('submit', function (ev) { ev.preventDefault(); self.k = 10; self.writeUrl(false); self.run(); });
    this.more.addEventListener('click', function () { self.k += 10; self.run(); });
    this.toggle.addEventListener('click', function () {
      self.open = !self.open; self.showPanel(); self.writeUrl(true);
    });
    window.addEventListener('popstate', function () { self.readUrl(); self.k = 10; self.run(); });
    this.input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown') { var first = self.list.querySelector('a'); if (first) { ev.preventDefault(); first.focus(); } }
    });
    this.list.addEventListener('keydown', function (ev) {
      var links = Array.from(self.list.querySelectorAll('a.search-hit')), i = links.indexOf(document.activeElement);
      if (i < 0) return;
      if (ev.key === 'ArrowDown' && i + 1 < links.length) { ev.preventDefault(); links[i + 1].focus(); }
      else if (ev.key === 'ArrowUp') { ev.preventDefault(); (i > 0 ? links[i - 1] : self.input).focus(); }
      else if (ev.key === 'Escape') { ev.preventDefault(); self.input.focus(); }
    });
    root.classList.add('search-ready');
    this.run();
  }
  SearchPage.prototype.readUrl = function () {
    var p = new URLSearchParams(location.search);
    this.filters = {type: p.get('type') || '', craft: p.get('craft') || '', district: p.get('district') || '',
      band: p.get('band') || '', view: p.has('lang') ? p.get('lang') : this.locale};
    this.open = p.get('filters') === 'open';
    this.input.value = p.get('q') || '';
    this.showPanel();
  };
  SearchPage.prototype.writeUrl = function (push) {
    var p = new URLSearchParams();
    if (this.input.value) p.set('q', this.input.value);
    ['type', 'craft', 'district', 'band'].forEach(function (k) { if (this.filters[k]) p.set(k, this.filters[k]); }, this);
    if (this.filters.view !== this.locale) p.set('lang', this.filters.view);
    if (this.open) p.set('filters', 'open');
    var qs = p.toString(), url = location.pathname + (qs ? '?' + qs : '');
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  };
  /* The filters in force besides the defaults: [name, value] */
  SearchPage.prototype.activeFilters = function () {
    var f = this.filters, out = [];
    FILTERS.forEach(function (name) {
      if (name === 'view' ? f.view !== this.locale : f[name]) out.push([name, f[name]]);
    }, this);
    return out;
  };
  SearchPage.prototype.label = function (name, value) {
    var labels = this.idx ? this.idx.m.facets.labels : null, l;
    if (name === 'type') return this.msgs.get('type-' + value) || value;
    if (name === 'band') return this.msgs.get('band-' + value) || value;
    if (name === 'view') return value ? (this.idx ? this.idx.languageName(value, this.msgs) : this.msgs.get('lang-' + value) || value) : this.msgs.get('all');
    l = labels && labels[name === 'craft' ? 'crafts' : 'districts'][value];
    return l ? (l[this.locale] || l.en || value) : value;
  };
  SearchPage.prototype.setFilter = function (name, value) {
    this.filters[name] = value; this.k = 10; this.writeUrl(true); this.run();
  };
  SearchPage.prototype.showPanel = function () {
    var n = this.activeFilters().length;
    this.toggle.textContent = n ? fmt(this.msgs.get('filters-count'), {count: n}) : this.msgs.get('filters');
    this.toggle.setAttribute('aria-expanded', this.open ? 'true' : 'false');
    this.root.classList.toggle('search-filters-closed', !this.open);
  };
  SearchPage.prototype.showActive = function () {
    var self = this, items = this.activeFilters().map(function (f) {
      var li = el('li'), b = el('button', 'search-chip');
      var text = self.label(f[0], f[1]);
      b.type = 'button';
      b.setAttribute('aria-label', fmt(self.msgs.get('remove'), {filter: self.msgs.get('facet-' + f[0]) + ': ' + text}));
      b.appendChild(el('span', null, text));
      var x = el('span', 'search-chip-x', '\u00d7');
      x.setAttribute('aria-hidden', 'true');
      b.appendChild(x);
      b.addEventListener('click', function () {
        self.setFilter(f[0], f[0] === 'view' ? self.locale : '');
        self.input.focus();
      });
      li.appendChild(b);
      return li;
    });
    this.active.replaceChildren.apply(this.active, items);
    this.active.hidden = !items.length;
  };
  SearchPage.prototype.run = async function () {
    var seq = ++this.seq, q = this.input.value;
    this.showPanel();
    this.showActive();
    if (!q.trim()) {
      this.list.replaceChildren();
      this.facetsNode.replaceChildren();
      this.more.hidden = true;
      this.toggle.hidden = true;
      this.status.textContent = this.msgs.get('empty');
      return;
    }
    this.root.setAttribute('aria-busy', 'true');
    try {
      var idx = this.idx = await getIndex(this.root.dataset.index || '/search-index/');
      var r = await idx.searchWithFacets(q, this.k, this.filters);
      if (seq !== this.seq) return;
      this.render(idx, r);
    } catch (err) {
      if (seq !== this.seq) return;
      this.status.textContent = this.msgs.get('error');
      if (window.console) console.warn(err);
    } finally {
      if (seq === this.seq) this.root.removeAttribute('aria-busy');
    }
  };
  /* "No Urdu results; showing results in English.": the view found none in its language, only pages
     standing in for missing translations, or nothing at all (the search was widened to every language). */
  SearchPage.prototype.elsewhere = function (idx, r) {
    var view = this.filters.view, msgs = this.msgs;
    if (!view || !r.results.length || !r.facets) return '';
    if (!r.widened && (r.facets.locale.get(view) || 0) > 0) return '';
    var shown = idx.locales.filter(function (code) { return code !== view && r.facets.locale.get(code); })
      .map(function (code) { return idx.languageName(code, msgs); });
    var list = shown.join(', ');
    if (window.Intl && Intl.ListFormat) list = new Intl.ListFormat(idx.numberTag(this.locale), {type: 'conjunction'}).format(shown);
    return fmt(msgs.get('widened'), {language: idx.languageName(view, msgs), languages: list});
  };
  SearchPage.prototype.render = function (idx, r) {
    var self = this;
    this.list.replaceChildren.apply(this.list, r.results.map(function (res) {
      return hitNode(idx, res, self.locale, self.msgs);
    }));
    var count = r.total + (r.exact ? '' : '+');
    var status = [];
    if (r.respelled && r.respelled.text) status.push(fmt(this.msgs.get('respelled'), {query: r.respelled.text}));
    var elsewhere = this.elsewhere(idx, r);
    if (elsewhere) status.push(elsewhere);
    status.push(r.results.length ? fmt(this.msgs.get('results'), {count: count}) : this.msgs.get('none'));
    this.status.textContent = status.join(' ');
    this.root.classList.toggle('search-widened', !!elsewhere);
    this.more.hidden = !(r.total > r.results.length || !r.exact) || !r.results.length;
    this.renderFacets(idx, r);
    this.toggle.hidden = !this.facetsNode.childElementCount && !this.activeFilters().length;
    this.showActive();  // the labels of crafts and districts need the index
  };
  SearchPage.prototype.renderFacets = function (idx, r) {
    var self = this, nodes = [], bands = idx.m.facets.bands;
    if (!r.facets) { this.facetsNode.replaceChildren(); return; }
    var order = {
      band: function (a, b) { return bands.indexOf(a) - bands.indexOf(b); },  // by price, lowest first
      view: function (a, b) { return idx.locales.indexOf(a) - idx.locales.indexOf(b); }  // the registry's order
    };
    ['type', 'craft', 'district', 'band', 'view'].forEach(function (name) {
      var counts = r.facets[name];
      var values = Array.from(counts.keys());
      if (self.filters[name] && values.indexOf(self.filters[name]) < 0) values.push(self.filters[name]);
      values.sort(order[name] || function (a, b) { return (counts.get(b) || 0) - (counts.get(a) || 0) || cmp(a, b); });
      if (!values.length) return;
      var fs = el('fieldset', 'search-facet');
      fs.appendChild(el('legend', null, self.msgs.get('facet-' + name)));
      var group = 'facet-' + name;
      function option(value, text, n) {
        var label = el('label', 'search-facet-option');
        var input = el('input');
        input.type = 'radio'; input.name = group; input.value = value;
        input.checked = (self.filters[name] || '') === value;
        input.addEventListener('change', function () { self.setFilter(name, value); });
        label.appendChild(input);
        label.appendChild(el('span', 'search-facet-label', text));
        if (n !== null) label.appendChild(el('span', 'search-facet-count', n + (r.exact ? '' : '+')));
        fs.appendChild(label);
      }
      option('', self.msgs.get('all'), null);
      values.forEach(function (v) { option(v, self.label(name, v), counts.get(v) || 0); });
      nodes.push(fs);
    });
    this.facetsNode.replaceChildren.apply(this.facetsNode, nodes);
  };

  /*
   * rank + store rows + facets of shown hits; Engine.search_page step by step: the query as typed; with
   * a view (a page's language) that finds nothing, the same in every language (r.widened: the page says
   * so); if still nothing, the query's other reading (query.respell), in the view, then everywhere.
   */
  SearchIndex.prototype.searchWithFacets = async function (query, k, filters) {
    var self = this, wide = null;
    filters = filters || {};
    if (filters.view) { wide = Object.assign({}, filters); wide.view = ''; }
    async function ranked(slots) {
      var r = await self.rank(slots, k, filters);
      if (!r.hits.length && wide) {
        var w = await self.rank(slots, k, wide);
        if (w.hits.length) { w.widened = true; return w; }
      }
      return r;
    }
    var r = await ranked(await this.plan(query)), respelled = null;
    if (!r.hits.length) {  // found nothing: read the query again (query.respell), search that instead
      respelled = await this.respell(query);
      if (respelled) {
        var again = await ranked(await this.planWords(respelled.words));
        if (again.hits.length) r = again; else respelled = null;
      }
    }
    r.respelled = respelled;
    r.widened = !!r.widened;
    var rows = await Promise.all(r.hits.map(function (h) { return this.stored(h[0]); }, this));
    r.results = r.hits.map(function (h, i) {
      var row = rows[i];
      return {doc: h[0], score: h[1], url: row[0], title: row[1], thumb: row[2], price: row[3],
        facets: self.facetsOf(r.combos.get(h[0]))};
    });
    return r;
  };
  /* Header form: results as you type in a listbox under the input. */
  function HeaderSearch(form) {
    var input = form.querySelector('input[name="q"]');
    if (!input) return;
    var self = this;
    this.form = form; this.input = input; this.seq = 0; this.active = -1;
    var id = 'site-search-results';
    this.box = el('ul', 'site-search-results');
    this.box.id = id;
    this.box.setAttribute('role', 'listbox');
    this.box.hidden = true;
    if (input.id) this.box.setAttribute('aria-labelledby', input.id);
    form.appendChild(this.box);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', id);
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('autocomplete', 'off');
    input.addEventListener('input', debounce(function () { self.run(); }, 120));
    input.addEventListener('keydown', function (ev) { self.key(ev); });
    input.addEventListener('blur', function () { setTimeout(function () { self.close(); }, 150); });
    this.box.addEventListener('mousedown', function (ev) { ev.preventDefault(); });
  }
  HeaderSearch.prototype.close = function () {
    this.box.hidden = true; this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  };
  HeaderSearch.prototype.options = function () { return Array.from(this.box.querySelectorAll('[role="option"]')); };
  HeaderSearch.prototype.highlight = function (i) {
    var opts = this.options();
    opts.forEach(function (o, j) { o.setAttribute('aria-selected', j === i ? 'true' : 'false'); });
    this.active = i;
    if (i >= 0 && opts[i]) { this.input.setAttribute('aria-activedescendant', opts[i].id); opts[i].scrollIntoView({block: 'nearest'}); }
    else this.input.removeAttribute('aria-activedescendant');
  };
  HeaderSearch.prototype.key = function (ev) {
    var opts = this.options();
    if (ev.key === 'ArrowDown' && opts.length) { ev.preventDefault(); this.highlight(Math.min(this.active + 1, opts.length - 1)); }
    else if (ev.key === 'ArrowUp' && opts.length) { ev.preventDefault(); this.highlight(Math.max(this.active - 1, -1)); }
    else if (ev.key === 'Escape') { this.close(); }
    else if (ev.key === 'Enter' && this.active >= 0 && opts[this.active]) {
      ev.preventDefault();
      location.href = opts[this.active].querySelector('a').href;
    }
  };
  HeaderSearch.prototype.run = async function () {
    var seq = ++this.seq, q = this.input.value;
    if (!q.trim()) { this.box.replaceChildren(); this.close(); return; }
    try {
      var idx = await getIndex(this.form.dataset.index || '/search-index/');
      var locale = indexLocale(idx, pageLocale);
      var r = await idx.searchWithFacets(q, 6, {view: locale});
      if (seq !== this.seq) return;
      var msgs = app ? new Messages(app) : null;
      this.box.replaceChildren.apply(this.box, r.results.map(function (res, i) {
        var li = hitNode(idx, res, locale, msgs, 'li');
        li.setAttribute('role', 'option');
        li.id = 'site-search-option-' + i;
        li.setAttribute('aria-selected', 'false');
        li.querySelector('a').tabIndex = -1;
        return li;
      }));
      this.active = -1;
      this.box.hidden = !r.results.length;
      this.input.setAttribute('aria-expanded', r.results.length ? 'true' : 'false');

    } catch (err) {
      if (window.console) console.warn(err);
    }
  };

  var app = document.getElementById('search-app');
  window.ChinarSearch = {SearchIndex: SearchIndex, Analyzer: Analyzer, porter: porter, editDistance: editDistance,
    open: getIndex};
  function start() {
    if (app) new SearchPage(app);
    document.querySelectorAll('form.site-search').forEach(function (f) {
      if (app && app.contains(f)) return;
      var h = new HeaderSearch(f);
      // Loaded on the first use of the box (search-loader.js): answer what was typed meanwhile.
      if (h.input && document.activeElement === h.input && h.input.value.trim()) h.run();
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
