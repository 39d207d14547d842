// The chat page: messages go to POST /api/chat, which replies as the Telegram bot does: an answer
// (the `ask --json` object), a list to choose from, a story's key points, or a message.
// Everything the server sends is put in the page as text (textContent, never parsed as HTML), so no
// answer, title or entity note can inject markup.
(function () {
  "use strict";

  var log = document.getElementById("log");
  var form = document.getElementById("ask");
  var input = document.getElementById("question");
  var send = document.getElementById("send");
  var dialog = document.getElementById("entity");
  var conversation = null;
  var busy = false;

  // The API names sections by key (as `ask --json` does); readers see the article's own headings.
  var SECTIONS = {
    key_takeaway: "Key Takeaways",
    background: "Context & Background",
    why_it_matters: "Why It Matters",
    what_happens_next: "What Happens Next",
    faq: "Frequently Asked Questions",
    entity_note: "Related People & Topics",
    curated_faq: "FAQ",
    document: "Document"
  };

  function sectionLabel(key) {
    return Object.prototype.hasOwnProperty.call(SECTIONS, key) ? SECTIONS[key] : key;
  }

  if (new URLSearchParams(location.search).has("embed")) {
    document.body.classList.add("embedded");
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function button(label, onClick, className) {
    var b = el("button", className, label);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function addTurn(who, node) {
    var item = el("li", "turn " + who);
    item.appendChild(node);
    log.appendChild(item);
    item.scrollIntoView({ block: "nearest" });
    return item;
  }

  // Sends a message; `shown` is what the reader chose when it differs from what is sent.
  function ask(question, shown) {
    if (busy || !question.trim()) return;
    busy = true;
    send.disabled = true;
    log.setAttribute("aria-busy", "true");
    addTurn("you", el("span", null, shown || question));
    var body = { question: question };
    if (conversation) body.conversation = conversation;
    fetch("api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    })
      .then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok) throw new Error(json.error || "the server answered " + response.status);
          conversation = response.headers.get("Briefbot-Conversation") || conversation;
          showReply(json, response.headers.get("Briefbot-Answer-Id"),
            response.headers.get("Briefbot-Key-Sentence"));
        });
      })
      .catch(function (error) {
        var item = addTurn("bot error", el("p", null, "Sorry, that did not work: " + error.message));
        item.setAttribute("role", "alert");
      })
      .finally(function () {
        busy = false;
        send.disabled = false;
        log.removeAttribute("aria-busy");
        input.focus();
      });
  }

  function showReply(json, answerId, keyRange) {
    if (json.reply === "answer") {
      showAnswer(json.answer, answerId, keyRange, json.also_asked || [], json.notice);
    } else if (json.reply === "list") {
      var card = el("article");
      card.setAttribute("aria-label", "Reply");
      card.appendChild(el("p", null, json.heading));
      card.appendChild(choices(json.items || [], "Choices"));
      addTurn("bot", card);
    } else if (json.reply === "article") {
      showArticle(json);
    } else {
      addTurn("bot", el("p", null, json.text));
    }
  }

  // A story's key points, then its sections, each a button that opens it.
  function showArticle(json) {
    var card = el("article", "story");
    card.setAttribute("aria-label", "Key points");
    card.appendChild(el("p", "title", json.title));
    if (json.detail) card.appendChild(el("span", "meta", json.detail));
    var points = el("ul", "points");
    (json.points || []).forEach(function (point) { points.appendChild(el("li", null, point.label)); });
    card.appendChild(points);
    if (json.sections && json.sections.length) card.appendChild(choices(json.sections, "Sections"));
    addTurn("bot", card);
  }

  // Items to choose from: each sends its command, shown as its label.
  function choices(items, label) {
    var list = el("div", "actions");
    list.setAttribute("role", "group");
    list.setAttribute("aria-label", label);
    items.forEach(function (item) {
      var text = item.detail ? item.label + " (" + item.detail + ")" : item.label;
      list.appendChild(button(text, function () { ask(item.command, item.label); }, "choice"));
    });
    return list;
  }

  function showAnswer(json, answerId, keyRange, asked, notice) {
    var card = el("article");
    card.setAttribute("aria-label", "Answer");
    if (notice) card.appendChild(el("p", "notice", notice));
    var others = json.alternatives || [];
    if (json.answered && json.answer) {
      card.appendChild(passage(json.answer.text, keyRange));
      card.appendChild(source(json.answer));
    } else {
      // A decline lists the passages that came close first, by their key sentences, as the other
      // channels do: the reader may find the answer there; the topics follow, folded.
      var close = others.filter(cameClose);
      others = others.filter(function (alt) { return !cameClose(alt); });
      if (close.length) {
        card.appendChild(el("p", null, "I'm not sure my articles answer that. The closest I found:"));
        card.appendChild(closest(close));
      } else {
        card.appendChild(el("p", null, "I could not find that in the articles. Try asking another way, or about one of the topics below."));
      }
    }
    if (json.entities && json.entities.length) card.appendChild(chips(json.entities));
    if (others.length) card.appendChild(alternatives(others, json.answered));
    if (asked.length) card.appendChild(alsoAskedButtons(asked));
    if (json.answered) card.appendChild(followUps());
    if (json.answered && answerId) card.appendChild(votes(answerId, conversation));
    addTurn("bot", card);
  }

  // The passage with its key sentence in bold; the range is where the server says it is.
  function passage(text, keyRange) {
    var p = el("p", "passage");
    var match = /^(\d+)-(\d+)$/.exec(keyRange || "");
    var start = match ? Number(match[1]) : -1;
    var end = match ? Number(match[2]) : -1;
    if (start < 0 || end > text.length || start >= end) {
      p.appendChild(el("strong", null, text));
      return p;
    }
    p.appendChild(document.createTextNode(text.slice(0, start)));
    p.appendChild(el("strong", null, text.slice(start, end)));
    p.appendChild(document.createTextNode(text.slice(end)));
    return p;
  }

  function source(answer) {
    var line = el("p", "source");
    line.appendChild(document.createTextNode("Source: "));
    if (answer.link && /^https?:\/\//i.test(answer.link)) {
      var a = el("a", null, answer.article);
      a.href = answer.link;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      line.appendChild(a);
    } else {
      line.appendChild(el("cite", null, answer.article));
    }
    if (answer.section) line.appendChild(document.createTextNode(" · " + sectionLabel(answer.section)));
    return line;
  }

  function chips(entities) {
    var list = el("ul", "chips");
    list.setAttribute("aria-label", "Mentioned");
    entities.forEach(function (entity) {
      var item = el("li");
      var chip = button(entity.name, function () { openEntity(entity.name, chip); }, "chip");
      chip.setAttribute("aria-haspopup", "dialog");
      item.appendChild(chip);
      list.appendChild(item);
    });
    return list;
  }

  // A passage, not a topic or an entity offered by name.
  function cameClose(alt) {
    return alt.section !== "topic" && alt.section !== "entity";
  }

  function closest(items) {
    var list = el("ul", "closest");
    items.forEach(function (alt) {
      var item = el("li");
      item.appendChild(el("q", null, alt.text));
      item.appendChild(where(alt));
      list.appendChild(item);
    });
    return list;
  }

  function alternatives(items, answered) {
    var box = el("details", "alternatives");
    box.appendChild(el("summary", null, (answered ? "Other passages" : "Closest topics") + " (" + items.length + ")"));
    var list = el("ul");
    items.forEach(function (alt) {
      var item = el("li", null, alt.text);
      item.appendChild(where(alt));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  // Where an alternative is: its article, and its section by the article's heading.
  function where(alt) {
    return el("span", "meta", alt.article + (alt.section ? " · " + sectionLabel(alt.section) : ""));
  }

  // Each of the message's other questions, asked in this conversation when chosen.
  function alsoAskedButtons(asked) {
    var list = el("div", "actions");
    list.setAttribute("role", "group");
    list.setAttribute("aria-label", "You also asked");
    list.appendChild(el("span", "meta", "You also asked:"));
    asked.forEach(function (question) {
      list.appendChild(button(question, function () { ask(question); }, "follow also-asked"));
    });
    return list;
  }

  function followUps() {
    var list = el("div", "actions");
    list.setAttribute("role", "group");
    list.setAttribute("aria-label", "Follow up");
    ["Tell me more", "Why?"].forEach(function (label) {
      list.appendChild(button(label, function () { ask(label.toLowerCase()); }, "follow"));
    });
    return list;
  }

  function votes(answerId, inConversation) {
    var group = el("div", "votes");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Was this helpful?");
    var status = el("span", "status");
    status.setAttribute("role", "status");
    var up = voteButton("👍", "Helpful", function () { vote("up", up, down); });
    var down = voteButton("👎", "Not helpful", function () { vote("down", down, up); });
    function vote(value, chosen, other) {
      fetch("api/votes", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answer: Number(answerId), conversation: inConversation, vote: value })
      })
        .then(function (response) {
          return response.json().then(function (json) {
            if (!response.ok) throw new Error(json.error || "not counted");
            chosen.setAttribute("aria-pressed", "true");
            other.setAttribute("aria-pressed", "false");
            status.textContent = json.outcome === "changed" ? "Vote changed" : "Thanks for the feedback";
          });
        })
        .catch(function (error) { status.textContent = "Not counted: " + error.message; });
    }
    group.appendChild(up);
    group.appendChild(down);
    group.appendChild(status);
    return group;
  }

  // The emoji is decoration: the word is the button's name, and shows where emoji fonts are missing.
  function voteButton(emoji, label, onClick) {
    var b = button("", onClick, "vote");
    var icon = el("span", null, emoji + " ");
    icon.setAttribute("aria-hidden", "true");
    b.appendChild(icon);
    b.appendChild(document.createTextNode(label));
    b.setAttribute("aria-label", label);
    b.setAttribute("aria-pressed", "false");
    return b;
  }

  function openEntity(name, opener) {
    fetch("api/entities/" + encodeURIComponent(name))
      .then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok) throw new Error(json.error || "not found");
          return json;
        });
      })
      .then(function (entity) {
        document.getElementById("entity-name").textContent = entity.name;
        document.getElementById("entity-kind").textContent =
          [entity.kind, entity.description].filter(Boolean).join(" · ");
        document.getElementById("entity-summary").textContent = entity.summary || "";
        document.getElementById("entity-articles").textContent =
          entity.articles && entity.articles.length ? "In: " + entity.articles.join("; ") : "";
        dialog.returnTarget = opener;
        dialog.showModal();
        document.getElementById("entity-close").focus();
      })
      .catch(function (error) {
        var item = addTurn("bot error", el("p", null, "Sorry, I could not open " + name + ": " + error.message));
        item.setAttribute("role", "alert");
      });
  }

  dialog.addEventListener("close", function () {
    if (dialog.returnTarget) dialog.returnTarget.focus();
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var question = input.value;
    input.value = "";
    ask(question);
  });

  input.focus();
})();
