/* kb-answer widget: paste an error or describe a symptom, get the steps that fix it.
 *
 *   <script src="https://kb.example/widget.js" data-kb-url="https://kb.example" defer></script>
 *   <div id="kb-answer"></div>
 *
 * Optional attributes on the script tag: data-target (id of the element to fill,
 * default "kb-answer"), data-support-url and data-support-label (where the
 * "no confident match" state sends people), data-heading-level (default 2),
 * data-placeholder (an example of what to paste, in the portal's own terms),
 * data-product (answer only from that product's articles: a portal page about one product).
 *
 * Every node is built with createElement and textContent, never from HTML
 * strings, so nothing in an article or a query can become markup on the page.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var base = (script.getAttribute("data-kb-url") || new URL(script.src, location.href).origin).replace(/\/+$/, "");
  var supportUrl = script.getAttribute("data-support-url");
  var supportLabel = script.getAttribute("data-support-label") || "Contact support";
  var placeholder = script.getAttribute("data-placeholder") || "Paste an error message or a log line, or say what went wrong";
  var product = script.getAttribute("data-product") || "";
  // Answers fit into the portal's outline: their headings start at this level (default h2).
  var level = Math.min(Math.max(parseInt(script.getAttribute("data-heading-level"), 10) || 2, 1), 5);
  var heading = "h" + level;
  var subheading = "h" + (level + 1);
  var instances = 0;

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "text") node.textContent = props[key];
      else if (key === "className") node.className = props[key];
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), props[key]);
      else if (props[key] !== null && props[key] !== undefined) node.setAttribute(key, props[key]);
    });
    return fill(node, children);
  }

  function fill(node, children) {
    // Optional parts arrive as null, false or "": leave them out rather than print them.
    (children || []).forEach(function (child) {
      if (child) node.append(child);
    });
    return node;
  }

  function safeHref(url, articleUrl) {
    // Only web and mail links: no javascript:. A relative link is resolved against the
    // article's own address (articleUrl); without one it goes nowhere and stays plain text.
    try {
      var parsed = articleUrl ? new URL(url, articleUrl) : new URL(url);
      return /^(https?|mailto):$/.test(parsed.protocol) ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  // Every alternative scans at most to the next delimiter of its kind, so a step of any
  // length renders in linear time ("[[[[…" or "*a*a*a…" once took seconds at 20 KB): link text
  // holds no brackets, emphasis no '*' or '_', a URL one level of parentheses ("…(v=ws.10)");
  // a backtick run is taken whole (the lookahead is atomic) and, when it opens no code span,
  // consumed by the last alternative so the positions inside it are not tried again.
  var INLINE = /(?=(`+))\1([\s\S]*?[^`])\1(?!`)|!\[([^[\]]*)\]\((?:[^()]|\([^()]*\))*\)|\[([^[\]]+)\]\(([^()\s]+(?:\([^()\s]*\)[^()\s]*)*)[^()]*\)|<((?:https?:\/\/|mailto:)[^<>\s]+)>|\*\*(.+?)\*\*|__(.+?)__|\*([^\s*](?:[^*]*?[^\s*])?)\*(?!\w)|_([^\s_](?:[^_]*?[^\s_])?)_(?!\w)|\\([!-\/:-@[-`{-~])|`+/;

  function inline(text, articleUrl) {
    var out = document.createDocumentFragment();
    // A regex of its own per call: the calls nest (a link inside bold), and a shared one would lose its place.
    var pattern = new RegExp(INLINE.source, "g");
    var last = 0;
    var m;
    while ((m = pattern.exec(text))) {
      out.append(text.slice(last, m.index));
      last = pattern.lastIndex;
      if (m[1]) out.append(el("code", { text: m[2].trim() || m[2] }));
      else if (m[3] !== undefined) out.append(m[3]);
      else if (m[4]) {
        var href = safeHref(m[5], articleUrl);
        var label = inline(m[4], articleUrl);
        out.append(href ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer" }, [label]) : label);
      } else if (m[6]) out.append(el("a", { href: m[6], target: "_blank", rel: "noopener noreferrer", text: m[6] }));
      else if (m[7] || m[8]) out.append(el("strong", {}, [inline(m[7] || m[8], articleUrl)]));
      else if (m[9] || m[10]) {
        // Emphasis only at a word's edge: user_principal_name stays as written.
        // (Checked here, not by a lookbehind, which older Safari cannot parse.)
        if (/\w/.test(text.charAt(m.index - 1))) out.append(m[0]);
        else out.append(el("em", {}, [inline(m[9] || m[10], articleUrl)]));
      }
      else if (m[11] !== undefined) out.append(m[11]);
      else out.append(m[0]); // a backtick run that opens no code span, as written
    }
    out.append(text.slice(last));
    return out;
  }

  var FENCE = /^\s*(`{3,}|~{3,})/;
  var ITEM = /^\s*([-*+]|\d+[.)])\s+(.*)$/;
  var ROW = /^\s*\|/;

  function take(lines, i, test) {
    var taken = [];
    while (i < lines.length && test(lines[i])) taken.push(lines[i++]);
    return taken;
  }

  function cells(row, articleUrl) {
    return row.trim().replace(/^\||\|$/g, "").split("|").map(function (c) {
      return inline(c.trim(), articleUrl);
    });
  }

  // Markdown → elements; ``articleUrl`` is the address relative links are resolved against.
  function blocks(markdown, articleUrl) {
    var out = document.createDocumentFragment();
    var lines = markdown.split(/\r?\n/);
    var i = 0;
    while (i < lines.length) {
      var line = lines[i];
      var fence = FENCE.exec(line);
      if (fence) {
        var code = take(lines, i + 1, function (l) {
          return l.trim().indexOf(fence[1]) !== 0;
        });
        out.append(el("pre", {}, [el("code", { text: code.join("\n") })]));
        i += code.length + 2;
      } else if (/^\s*>/.test(line)) {
        var quoted = take(lines, i, function (l) {
          return /^\s*>/.test(l);
        });
        i += quoted.length;
        var inner = quoted.map(function (l) {
          return l.replace(/^\s*> ?/, "");
        });
        var alert = /^\[!(\w+)\]\s*$/.exec(inner[0]);
        if (alert) inner.shift();
        out.append(
          el("blockquote", { className: "kba-note" }, [
            alert && el("strong", { text: alert[1].charAt(0) + alert[1].slice(1).toLowerCase() + ": " }),
            blocks(inner.join("\n"), articleUrl),
          ])
        );
      } else if (ITEM.test(line)) {
        var items = take(lines, i, function (l) {
          return ITEM.test(l) || /^\s{2,}\S/.test(l);
        });
        i += items.length;
        var list = el(/^\s*\d/.test(line) ? "ol" : "ul");
        items.forEach(function (l) {
          var item = ITEM.exec(l);
          if (item) list.append(el("li", {}, [inline(item[2], articleUrl)]));
          else if (list.lastChild) list.lastChild.append(" ", inline(l.trim(), articleUrl));
        });
        out.append(list);
      } else if (ROW.test(line)) {
        var rows = take(lines, i, function (l) {
          return ROW.test(l);
        });
        i += rows.length;
        var body = rows.filter(function (r) {
          return !/^[\s|:-]+$/.test(r);
        });
        out.append(
          el("div", { className: "kba-table" }, [
            el("table", {}, body.map(function (r, n) {
              return el("tr", {}, cells(r, articleUrl).map(function (c) {
                return el(n === 0 && rows.length > 1 && /^[\s|:-]+$/.test(rows[1]) ? "th" : "td", {}, [c]);
              }));
            })),
          ])
        );
      } else if (line.trim()) {
        var para = take(lines, i, function (l) {
          return l.trim() && !FENCE.test(l) && !/^\s*>/.test(l) && !ITEM.test(l) && !ROW.test(l);
        });
        i += para.length;
        out.append(el("p", {}, [inline(para.join(" ").replace(/^#+\s*/, ""), articleUrl)]));
      } else i++;
    }
    return out;
  }

  // Steps, their groups' names and the notes among them in the order a reader meets them, as the
  // server's Markdown puts them: each note where its source line falls among the steps', a group's
  // own lead-in under its name. Sub-steps (nested) repeat no group name.
  function stepList(steps, articleUrl, notes, nested) {
    var out = document.createDocumentFragment();
    var pending = (notes || []).slice().sort(function (a, b) { return a.line - b.line; });
    var taken = 0;
    var list = null;
    function aside(note) {
      out.append(el("div", { className: "kba-aside" }, [blocks(note.markdown, articleUrl)]));
      list = null;
    }
    steps.forEach(function (step, i) {
      var due = [];
      while (taken < pending.length && pending[taken].line < step.line) due.push(pending[taken++]);
      if (!nested && (i === 0 || step.group !== steps[i - 1].group)) {
        var under = due.filter(function (note) { return !note.after && note.group === step.group; });
        due.filter(function (note) { return under.indexOf(note) < 0; }).forEach(aside);
        if (step.group) out.append(el("p", { className: "kba-group", text: step.group }));
        under.forEach(aside);
        list = null;
      } else due.forEach(aside);
      if (!list) list = out.appendChild(el("ol", { className: "kba-steps" }));
      var position = parseInt(step.number.split(".").pop(), 10);
      list.append(el("li", { value: isNaN(position) ? null : position }, [blocks(step.markdown, articleUrl), step.steps.length && stepList(step.steps, articleUrl, null, true)]));
    });
    pending.slice(taken).forEach(aside);
    return out;
  }

  var NO_STEPS = "This article gives no steps for this problem.";
  var TIMEOUT_MS = 15000;
  var NOT_UNDERSTOOD = "the knowledge base answered in a shape this page does not understand";

  function request(path, body) {
    var controller = new AbortController();
    var timer = setTimeout(function () {
      controller.abort();
    }, TIMEOUT_MS);
    // An abort while the body is still coming is a timeout, not the status the headers carried.
    function failed(error, otherwise) {
      return new Error(error && error.name === "AbortError" ? "the knowledge base did not answer within " + TIMEOUT_MS / 1000 + " s" : otherwise);
    }
    var init = { signal: controller.signal, headers: { Accept: "application/json" } };
    if (body) {
      init.method = "POST";
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(base + path, init)
      .then(
        function (response) {
          return response.json().then(
            function (data) {
              if (response.ok) return data;
              throw new Error((data.error && data.error.message) || "the knowledge base answered " + response.status);
            },
            function (error) {
              throw failed(error, "the knowledge base answered " + response.status);
            }
          );
        },
        function (error) {
          throw failed(error, "could not reach the knowledge base at " + base);
        }
      )
      .finally(function () {
        clearTimeout(timer);
      });
  }

  function mount(root) {
    var id = "kba-" + ++instances;
    var lastQuery = "";
    var searchTimer = null;
    var searchSeq = 0;
    var askSeq = 0;
    var active = -1;
    var hits = [];

    var input = el("textarea", {
      id: id + "-input",
      className: "kba-input",
      rows: 3,
      spellcheck: "false",
      placeholder: placeholder,
      "aria-describedby": id + "-hint",
      "aria-autocomplete": "list",
      "aria-controls": id + "-list",
    });
    var list = el("ul", { id: id + "-list", className: "kba-suggestions", role: "listbox", "aria-label": "Suggestions", hidden: "" });
    var status = el("p", { className: "kba-status", role: "status", "aria-live": "polite" });
    var answer = el("div", { className: "kba-answer" });
    var form = el("form", { className: "kba", role: "search", "aria-label": "Knowledge base", onsubmit: function (e) {
      e.preventDefault();
      ask();
    } }, [
      el("label", { className: "kba-label", for: id + "-input", text: "Paste an error message or describe the problem" }),
      el("div", { className: "kba-combo" }, [input, list]),
      el("div", { className: "kba-bar" }, [
        el("button", { type: "submit", className: "kba-button", text: "Find answer" }),
        el("span", { id: id + "-hint", className: "kba-hint", text: "Enter to search, Shift+Enter for a new line" }),
      ]),
      status,
    ]);
    root.replaceChildren(form, answer);

    function say(text) {
      status.textContent = text;
    }

    function closeList() {
      list.hidden = true;
      list.replaceChildren();
      input.removeAttribute("aria-activedescendant");
      active = -1;
      hits = [];
    }

    function highlight(n) {
      active = n;
      Array.prototype.forEach.call(list.children, function (option, k) {
        option.setAttribute("aria-selected", String(k === n));
      });
      if (n >= 0) input.setAttribute("aria-activedescendant", id + "-opt-" + n);
      else input.removeAttribute("aria-activedescendant");
    }

    function suggest() {
      var text = input.value.trim();
      var seq = ++searchSeq;
      if (text.length < 3 || text.length > 120 || text.indexOf("\n") >= 0) return closeList();
      // A last word of one or two letters matches only itself, not as the start of longer words
      // (the search takes a prefix from its third letter): keep what is shown until it has three.
      if (!/\s$/.test(input.value) && /(^|\s)\S{1,2}$/.test(text)) return;
      var scoped = product ? "&product=" + encodeURIComponent(product) : "";
      request("/v1/search?limit=6" + scoped + "&q=" + encodeURIComponent(text)).then(function (result) {
        if (seq !== searchSeq) return;
        closeList();
        hits = result.hits;
        hits.forEach(function (hit, n) {
          list.append(el("li", { id: id + "-opt-" + n, role: "option", className: "kba-option", "aria-selected": "false", onmousedown: function (e) {
            e.preventDefault();
            choose(n);
          } }, [el("span", { text: hit.title }), hit.article.title !== hit.title && el("small", { text: hit.article.title })]));
        });
        list.hidden = !hits.length;
        if (hits.length) say(hits.length + (hits.length === 1 ? " suggestion" : " suggestions") + ": use the arrow keys to pick one");
      }, function () {});
    }

    function cancelSuggestions() {
      // A suggestion request still waiting for its timer, or on its way, must not land on an answer.
      clearTimeout(searchTimer);
      searchSeq++;
      closeList();
    }

    function choose(n) {
      var hit = hits[n];
      var query = input.value.trim();
      cancelSuggestions();
      var seq = ++askSeq;
      say("Opening " + hit.title + "…");
      request("/v1/problems/" + encodeURIComponent(hit.problem_id))
        .then(function (problem) {
          if (seq !== askSeq) return;
          if (!problem || !problem.article || !Array.isArray(problem.steps)) throw new Error(NOT_UNDERSTOOD);
          say("Showing " + problem.title);
          show(query, { problem: problem, article: problem.article, steps: problem.steps, notes: problem.notes }, []);
        })
        .catch(failFor(seq));
    }

    var warnedScope = false;

    function ask() {
      var text = input.value.trim();
      if (!text) return say("Paste an error message or describe the problem first.");
      cancelSuggestions();
      var seq = ++askSeq;
      lastQuery = text;
      say("Searching…");
      answer.setAttribute("aria-busy", "true");
      var body = product ? { text: text, limit: 4, product: product } : { text: text, limit: 4 };
      request("/v1/match", body)
        .then(function (result) {
          if (seq !== askSeq) return;
          if (!result || !Array.isArray(result.matches)) throw new Error(NOT_UNDERSTOOD);
          if (result.scope_articles === 0 && !warnedScope) {
            // For whoever embeds the widget: a misspelt data-product otherwise answers nothing, silently.
            warnedScope = true;
            console.warn("kb-answer: no article in the index has the product " + JSON.stringify(product) + " (data-product)");
          }
          answer.removeAttribute("aria-busy");
          if (result.no_confident_match) {
            say("Nothing in the knowledge base answers this reliably");
            return noAnswer(result.matches);
          }
          say("Answer found with " + result.matches[0].confidence + " confidence: " + result.matches[0].problem.title);
          show(text, result.matches[0], result.matches.slice(1));
        })
        .catch(failFor(seq));
    }

    // The failure of a question asked since replaced must not wipe the answer to the newer one.
    function failFor(seq) {
      return function (error) {
        if (seq !== askSeq) return;
        answer.removeAttribute("aria-busy");
        answer.replaceChildren();
        say("Sorry, " + error.message + ".");
      };
    }

    function confidence(match) {
      if (!match.confidence) return null;
      // The label alone: "Medium · 100%" read as a contradiction (a score can round to 100% where only
      // an error message or code that matched makes an answer "high").
      return el("span", { className: "kba-badge kba-" + match.confidence, text: match.confidence.charAt(0).toUpperCase() + match.confidence.slice(1) + " confidence" });
    }

    function others(title, matches) {
      if (!matches.length) return null;
      return el("div", { className: "kba-others" }, [
        el(subheading, { className: "kba-subhead", text: title }),
        el("ul", {}, matches.map(function (match, n) {
          return el("li", {}, [el("button", { type: "button", className: "kba-link", onclick: function () {
            var rest = matches.slice();
            rest.splice(n, 1);
            show(lastQuery, match, rest);
          } }, [match.problem.title + " ", el("small", { text: "(" + (match.article.title !== match.problem.title ? match.article.title + ", " : "") + match.confidence + ")" })])]);
        })),
      ]);
    }

    function contact(text) {
      return el("p", { className: "kba-contact" }, [
        text + " ",
        safeHref(supportUrl) ? el("a", { href: safeHref(supportUrl), text: supportLabel }) : "Contact your support team.",
      ]);
    }

    // The first n characters as the server counts them (code points): slice() counts UTF-16 units
    // and could cut an emoji in half.
    function firstCharacters(text, n) {
      return text.length <= n ? text : Array.from(text).slice(0, n).join("");
    }

    function feedback(query, problemId) {
      var box = el("div", { className: "kba-feedback", role: "group", "aria-label": "Was this helpful?" });
      function vote(verdict) {
        box.replaceChildren(el("span", { text: "Sending…" }));
        request("/v1/feedback", { query: firstCharacters(query, 4000), problem_id: problemId, verdict: verdict }).then(function () {
          box.replaceChildren(verdict === "yes" ? el("span", { text: "Thanks for your feedback." }) : contact("Thanks for telling us."));
        }, function (error) {
          box.replaceChildren(el("span", { text: "Feedback not sent: " + error.message + "." }));
        });
      }
      box.append(
        el("span", { text: "Was this helpful?" }),
        el("button", { type: "button", className: "kba-button kba-small", text: "Yes", onclick: function () { vote("yes"); } }),
        el("button", { type: "button", className: "kba-button kba-small", text: "No", onclick: function () { vote("no"); } })
      );
      return box;
    }

    function source(article, problem) {
      // The article's title, unless it only repeats the problem's; a link to the original when it has an address.
      var href = article.url && safeHref(article.url);
      var label = article.title !== problem.title ? article.title : href && "Open the full article";
      if (!label) return null;
      return el("p", { className: "kba-source" }, [
        href ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: label }) : label,
      ]);
    }

    function labelled(label, text, articleUrl, className) {
      // One line reads after its label; a cause that lists its reasons (or holds paragraphs or a
      // table) is shown as those blocks under it, as the server's Markdown does.
      if (text.indexOf("\n") < 0) {
        return el("p", { className: className }, [el("strong", { text: label + ": " }), inline(text, articleUrl)]);
      }
      return el("div", { className: className }, [el("strong", { text: label + ":" }), blocks(text, articleUrl)]);
    }

    function show(query, match, rest) {
      var problem = match.problem;
      var articleUrl = match.article.url && safeHref(match.article.url);
      answer.replaceChildren();
      fill(answer, [
        el("article", { className: "kba-best", "aria-label": "Answer" }, [
          source(match.article, problem),
          el(heading, { className: "kba-title", text: problem.title }),
          confidence(match),
          // With no steps to follow, what the article says the problem is comes first.
          !match.steps.length && problem.symptoms && labelled("Symptoms", problem.symptoms, articleUrl, "kba-symptoms"),
          problem.cause && labelled("Cause", problem.cause, articleUrl, "kba-cause"),
          el(subheading, { className: "kba-subhead", text: "Steps" }),
          // What the fix says besides steps (a remark, a lead-in) is shown even where it has none.
          (match.steps.length || match.notes.length) && stepList(match.steps, articleUrl, match.notes),
          !match.steps.length && el("p", { text: NO_STEPS }),
          feedback(query, problem.id),
        ]),
        others("Other possible answers", rest),
      ]);
    }

    function noAnswer(matches) {
      answer.replaceChildren();
      fill(answer, [
        el("div", { className: "kba-none" }, [
          el(heading, { className: "kba-title", text: "No confident match" }),
          contact("The knowledge base has no reliable answer for this yet."),
        ]),
        others("Closest articles (low confidence)", matches),
      ]);
    }

    input.addEventListener("input", function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(suggest, 250);
    });
    input.addEventListener("paste", function () {
      // After the paste lands in the box: a pasted error is a question, not a prefix to complete.
      setTimeout(ask, 0);
    });
    input.addEventListener("keydown", function (e) {
      var open = !list.hidden && hits.length;
      if (e.key === "ArrowDown" && open) highlight((active + 1) % hits.length);
      else if (e.key === "ArrowUp" && open) highlight((active - 1 + hits.length) % hits.length);
      else if (e.key === "Escape" && open) closeList();
      else if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        if (open && active >= 0) choose(active);
        else ask();
      } else return;
      e.preventDefault();
    });
    input.addEventListener("blur", function () {
      setTimeout(closeList, 150);
    });
  }

  function start() {
    if (!document.querySelector('link[data-kb-answer]')) {
      document.head.append(el("link", { rel: "stylesheet", href: base + "/widget.css", "data-kb-answer": "" }));
    }
    var root = document.getElementById(script.getAttribute("data-target") || "kb-answer");
    if (root) mount(root);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
