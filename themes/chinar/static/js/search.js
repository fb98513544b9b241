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
    var t = this.t, tok = translate(raw, t.digits), kind = this.script(tok);
    if (kind === 'deva') tok = translate(tok.normalize('NFD'), t.deva_main).normalize('NFC');
    else if (kind === 'arab') tok = translate(tok, t.arab_main).normalize('NFC');
    else tok = tok.normalize('NFD').replace(/\p{M}/gu, '');
    return cps(tok).length >= t.min_length ? tok : null;
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
  /* query.query_words: [{word, term, open}] */
  Analyzer.prototype.queryWords = function (query, maxChars, maxWords) {
    var text = cps(query.normalize('NFC')).slice(0, maxChars).join('').toLowerCase();
    var spans = [], m, out = [];
    this.token.lastIndex = 0;
    while ((m = this.token.exec(text))) spans.push([m[0], m.index + m[0].length]);
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
  SearchIndex.prototype.plan = async function (query) {
    var q = this.m.query, qws = this.an.queryWords(query, q.max_chars, q.max_words), slots = [], i = 0;
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
  SearchIndex.prototype.comboFacets = function (combo) {
    var c = this.m.combos[combo], f = this.m.facets;
    return {type: f.types[c[0]], locale: f.locales[c[1]], band: c[2] >= 0 ? f.bands[c[2]] : '',
      crafts: c[3].map(function (i) { return f.crafts[i]; }), districts: c[4].map(function (i) { return f.districts[i]; })};
  };
  function accepts(filters, fc, skip) {
    return (skip === 'type' || !filters.type || fc.type === filters.type) &&
      (skip === 'locale' || !filters.locale || fc.locale === filters.locale) &&
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
    var total = 0, counts = {}, dims = ['type', 'locale', 'craft', 'district', 'band'], byCombo = new Map();
    R.matched.forEach(function (d) { byCombo.set(S.combo[d], (byCombo.get(S.combo[d]) || 0) + 1); });
    dims.forEach(function (dim) { counts[dim] = new Map(); });
    byCombo.forEach(function (count, combo) {
      var fc = self.facetsOf(combo);
      if (accepted(combo)) total += count;
      dims.forEach(function (dim) {
        if (!accepts(filters, fc, dim)) return;
        var vals = dim === 'craft' ? fc.crafts : dim === 'district' ? fc.districts : [fc[dim]];
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
  var LOCALE_TAGS = {en: 'en-IN', hi: 'hi-IN', ur: 'ur-IN'};

  function Messages(node) { this.node = node; }
  Messages.prototype.get = function (name) {
    var key = 'msg' + name.replace(/(^|[-_])(\w)/g, function (m, s, c) { return c.toUpperCase(); });
    return (this.node && this.node.dataset[key]) || '';
  };

  function hitMeta(idx, res, locale, msgs) {
    var parts = [], f = res.facets, labels = idx.m.facets.labels;
    if (!f) return '';
    if (msgs) parts.push(msgs.get('type-' + f.type) || '');
    f.crafts.slice(0, 1).forEach(function (c) { var l = labels.crafts[c]; if (l) parts.push(l[locale] || l.en || c); });
    f.districts.slice(0, 1).forEach(function (c) { var l = labels.districts[c]; if (l) parts.push(l[locale] || l.en || c); });
    if (res.price !== null && res.price !== undefined) {
      parts.push('\u20b9' + new Intl.NumberFormat(LOCALE_TAGS[locale] || 'en-IN').format(res.price));
    }
    return parts.filter(Boolean).join(' \u00b7 ');
  }

  function hitNode(idx, res, locale, msgs, tag) {
    var a = el('a', 'search-hit');
    a.href = res.url;
    if (res.thumb) {
      var img = el('img', 'search-hit-thumb');
      img.src = res.thumb; img.alt = ''; img.loading = 'lazy'; img.width = 64; img.height = 64;
      img.addEventListener('error', function () { img.remove(); });
      a.appendChild(img);
    }
    var body = el('span', 'search-hit-body');
    var title = el('span', 'search-hit-title', res.title);
    if (res.facets) title.lang = res.facets.locale;
    title.dir = 'auto';
    body.appendChild(title);
    var meta = hitMeta(idx, res, locale, msgs);
    if (meta) body.appendChild(el('span', 'search-hit-meta', meta));
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

  /* Search page: #search-app */
  function SearchPage(root) {
    this.root = root;
    this.msgs = new Messages(root);
    this.locale = root.dataset.locale || pageLocale;
    this.input = root.querySelector('input[name="q"]');
    this.form = root.querySelector('form');
    this.status = root.querySelector('.search-status');
    this.list = root.querySelector('.search-results');
    this.facetsNode = root.querySelector('.search-facets');
    this.more = root.querySelector('.search-more');
    this.k = 10;
    this.seq = 0;
    var params = new URLSearchParams(location.search);
    this.filters = {type: params.get('type') || '', craft: params.get('craft') || '',
      district: params.get('district') || '', band: params.get('band') || '',
      locale: params.has('lang') ? params.get('lang') : this.locale};
    this.input.value = params.get('q') || '';
    var self = this;
    var run = debounce(function () { self.k = 10; self.run(true); }, 120);
    this.input.addEventListener('input', run);
    this.form.addEventListener('submit', function (ev) { ev.preventDefault(); self.k = 10; self.run(true); });
    this.more.addEventListener('click', function () { self.k += 10; self.run(false); });
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
    this.run(false);
  }
  SearchPage.prototype.syncUrl = function () {
    var p = new URLSearchParams();
    if (this.input.value) p.set('q', this.input.value);
    ['type', 'craft', 'district', 'band'].forEach(function (k) { if (this.filters[k]) p.set(k, this.filters[k]); }, this);
    if (this.filters.locale !== this.locale) p.set('lang', this.filters.locale);
    var qs = p.toString();
    history.replaceState(null, '', location.pathname + (qs ? '?' + qs : ''));
  };
  SearchPage.prototype.run = async function (updateUrl) {
    var seq = ++this.seq, q = this.input.value;
    if (updateUrl) this.syncUrl();
    if (!q.trim()) {
      this.list.replaceChildren();
      this.facetsNode.replaceChildren();
      this.more.hidden = true;
      this.status.textContent = this.msgs.get('empty');
      return;
    }
    this.root.setAttribute('aria-busy', 'true');
    try {
      var idx = await getIndex(this.root.dataset.index || '/search-index/');
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
  SearchPage.prototype.render = function (idx, r) {
    var self = this;
    this.list.replaceChildren.apply(this.list, r.results.map(function (res) {
      return hitNode(idx, res, self.locale, self.msgs);
    }));
    var count = r.total + (r.exact ? '' : '+');
    this.status.textContent = r.results.length ? fmt(this.msgs.get('results'), {count: count}) : this.msgs.get('none');
    this.more.hidden = !(r.total > r.results.length || !r.exact) || !r.results.length;
    this.renderFacets(idx, r);
  };
  SearchPage.prototype.renderFacets = function (idx, r) {
    var self = this, labels = idx.m.facets.labels, nodes = [];
    if (!r.facets) { this.facetsNode.replaceChildren(); return; }
    var dims = [
      ['type', function (v) { return self.msgs.get('type-' + v) || v; }],
      ['craft', function (v) { var l = labels.crafts[v]; return l ? (l[self.locale] || l.en || v) : v; }],
      ['district', function (v) { var l = labels.districts[v]; return l ? (l[self.locale] || l.en || v) : v; }],
      ['band', function (v) { return self.msgs.get('band-' + v) || v; }],
      ['locale', function (v) { return self.msgs.get('lang-' + v) || v; }]
    ];
    dims.forEach(function (dim) {
      var name = dim[0], counts = r.facets[name];
      var values = Array.from(counts.keys()).sort(function (a, b) { return counts.get(b) - counts.get(a) || cmp(a, b); });
      if (self.filters[name] && values.indexOf(self.filters[name]) < 0) values.unshift(self.filters[name]);
      if (!values.length) return;
      var fs = el('fieldset', 'search-facet');
      fs.appendChild(el('legend', null, self.msgs.get('facet-' + name)));
      var group = 'facet-' + name;
      function option(value, text, n) {
        var label = el('label', 'search-facet-option');
        var input = el('input');
        input.type = 'radio'; input.name = group; input.value = value;
        input.checked = (self.filters[name] || '') === value;
        input.addEventListener('change', function () {
          self.filters[name] = value; self.k = 10; self.run(true);
        });
        label.appendChild(input);
        label.appendChild(el('span', 'search-facet-label', text));
        if (n !== null) label.appendChild(el('span', 'search-facet-count', n + (r.exact ? '' : '+')));
        fs.appendChild(label);
      }
      option('', self.msgs.get('all'), null);
      values.forEach(function (v) { option(v, dim[1](v), counts.get(v) || 0); });
      nodes.push(fs);
    });
    this.facetsNode.replaceChildren.apply(this.facetsNode, nodes);
  };

  /* rank + store rows + facets of shown hits */
  SearchIndex.prototype.searchWithFacets = async function (query, k, filters) {
    var slots = await this.plan(query);
    var r = await this.rank(slots, k, filters || {});
    var rows = await Promise.all(r.hits.map(function (h) { return this.stored(h[0]); }, this));
    var self = this;
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
      var r = await idx.searchWithFacets(q, 6, {locale: locale});
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
      if (!app || !app.contains(f)) new HeaderSearch(f);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
