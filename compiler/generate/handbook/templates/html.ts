// handbook.html: one self-contained page. Every value is printed with {{ }},
// so Handlebars HTML-escapes all plan text; the style sheet is ours and is
// spliced in here, not through the template.
import { css } from "./style.js";

export const htmlPartials: Record<string, string> = {
  inline: `{{#each this}}{{#if href}}<a href="#{{href}}">{{text}}</a>{{else if code}}<code>{{text}}</code>{{else}}{{text}}{{/if}}{{/each}}`,

  facts: `<table class="facts"><tbody>
{{#each this}}<tr><th scope="row">{{key}}</th><td>{{> inline value}}</td></tr>
{{/each}}</tbody></table>
`,

  table: `<figure class="table">
{{#if caption}}<figcaption>{{caption}}{{#if query}}<span class="query">{{> inline query}}</span>{{/if}}</figcaption>{{/if}}
<table{{#if cls}} class="{{cls}}"{{/if}}>
<thead><tr>{{#each header}}<th scope="col">{{this}}</th>{{/each}}</tr></thead>
<tbody>
{{#each rows}}<tr{{#if cls}} class="{{cls}}"{{/if}}>{{#each cells}}{{#if @first}}<th scope="row">{{> inline value}}</th>{{else}}<td{{#if cls}} class="{{cls}}"{{/if}}>{{> inline value}}</td>{{/if}}{{/each}}</tr>
{{/each}}</tbody>
</table>
{{#each notes}}<p class="note">{{this}}</p>
{{/each}}</figure>
`,

  entry: `<article class="entry" id="{{id}}">
{{#if deep}}<h4>{{label}}<code class="name">{{name}}</code></h4>{{else}}<h3>{{label}}<code class="name">{{name}}</code></h3>{{/if}}
{{> facts facts}}
{{#if table}}{{> table table}}{{/if}}
</article>
`,

  question: `<article class="question" id="{{id}}">
<h3><span class="qnum">{{heading}}.</span> {{label}}<code class="name">{{name}}</code></h3>
{{> facts facts}}
{{#each tables}}{{> table this}}{{/each}}
<ul class="notes">
{{#each notes}}<li>{{this}}</li>
{{/each}}</ul>
</article>
`,

  timepoint: `<section class="timepoint" id="{{id}}">
<h3>{{heading}}<code class="name">{{name}}</code></h3>
{{> facts facts}}
{{#if table}}{{> table table}}{{/if}}
{{#if none}}<p>{{none}}</p>{{/if}}
</section>
`,

  paragraphs: `{{#each this}}<p>{{this}}</p>
{{/each}}`,

  parts: `<ul>
{{#each this}}<li>{{> inline this}}</li>
{{/each}}</ul>
`,
};

export const htmlTemplate = `<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>${css}</style>
</head>
<body>
<header class="title-page">
<p class="subtitle">{{subtitle}}</p>
<h1>{{title}}</h1>
{{> facts facts}}
<p class="intro">{{intro}}</p>
<p class="generated">{{generatedFrom}} <code>{{planName}}</code>.</p>
</header>

<nav class="toc" aria-labelledby="toc">
<h2 id="toc">{{toc.heading}}</h2>
<ul>
{{#each toc.entries}}<li><a href="#{{href}}">{{text}}</a>{{#if children.length}}<ul>{{#each children}}<li><a href="#{{href}}">{{text}}</a></li>{{/each}}</ul>{{/if}}</li>
{{/each}}</ul>
</nav>

<main>
<section id="{{purpose.id}}">
<h2>{{purpose.heading}}</h2>
{{> paragraphs purpose.paragraphs}}
</section>

<section id="{{questions.id}}">
<h2>{{questions.heading}}</h2>
<p>{{questions.intro}}</p>
<p class="note">{{questions.legend}}</p>
{{#if questions.none}}<p>{{questions.none}}</p>{{/if}}
{{#each questions.items}}{{> question this}}{{/each}}
</section>

<section id="{{schedule.id}}">
<h2>{{schedule.heading}}</h2>
<p>{{schedule.intro}}</p>
<p>{{schedule.keyNote}}</p>
{{#each schedule.items}}{{> timepoint this}}{{/each}}
</section>

<section id="{{codebook.id}}">
<h2>{{codebook.heading}}</h2>
<p>{{codebook.intro}}</p>
<h3 id="{{codebook.variables.id}}">{{codebook.variables.heading}}</h3>
{{#each codebook.variables.items}}{{> entry this}}{{/each}}
<h3 id="{{codebook.valuesets.id}}">{{codebook.valuesets.heading}}</h3>
{{#each codebook.valuesets.items}}{{> entry this}}{{/each}}
</section>

<section id="{{groups.id}}">
<h2>{{groups.heading}}</h2>
<p>{{groups.intro}}</p>
{{#if groups.none}}<p>{{groups.none}}</p>{{/if}}
{{#each groups.items}}{{> entry this}}{{/each}}
</section>

<section id="{{protection.id}}">
<h2>{{protection.heading}}</h2>
{{> paragraphs protection.personal}}
{{> paragraphs protection.key}}
<p>{{protection.smallNumbers}}</p>
{{#with protection.sensitive}}
<h3>{{heading}}</h3>
{{#if table}}<p>{{intro}}</p>{{> table table}}{{/if}}
{{#if none}}<p>{{none}}</p>{{/if}}
{{/with}}
{{#with protection.legalBasis}}
<h3>{{heading}}</h3>
{{#each items}}<div class="legal-basis">{{> paragraphs this}}</div>{{/each}}
{{#if none}}<p>{{none}}</p>{{/if}}
{{/with}}
{{#if protection.notes}}{{#with protection.notes}}
<h3>{{heading}}</h3>
{{#each items}}<div class="plan-note">{{> paragraphs this}}</div>{{/each}}
{{/with}}{{/if}}
{{#with protection.freeText}}
<h3>{{heading}}</h3>
<p>{{intro}}</p>
{{#if table}}{{> table table}}{{/if}}
{{#if none}}<p>{{none}}</p>{{/if}}
{{/with}}
{{#with protection.minimisation}}
<h3>{{heading}}</h3>
{{#if intro}}<p>{{intro}}</p>{{> parts items}}{{/if}}
{{#if none}}<p>{{none}}</p>{{/if}}
{{/with}}
</section>

<section id="{{reliability.id}}">
<h2>{{reliability.heading}}</h2>
<p>{{reliability.intro}}</p>
{{#each reliability.topics}}<div class="topic">
<h3>{{heading}}</h3>
{{> paragraphs paragraphs}}
{{#if listIntro}}<p>{{listIntro}}</p>{{/if}}
{{#if items.length}}{{> parts items}}{{/if}}
{{#if table}}{{> table table}}{{/if}}
</div>
{{/each}}
</section>

<section id="{{scenarios.id}}">
<h2>{{scenarios.heading}}</h2>
<p>{{scenarios.intro}}</p>
{{> table scenarios.table}}
<p>{{scenarios.outro}}</p>
</section>

<section id="{{checklist.id}}">
<h2>{{checklist.heading}}</h2>
<p>{{checklist.intro}}</p>
{{#each checklist.parts}}
<h3>{{heading}}</h3>
<ol class="checklist">
{{#each items}}<li value="{{number}}">{{text}}</li>
{{/each}}</ol>
{{/each}}
</section>

<section id="{{diagnostics.id}}">
<h2>{{diagnostics.heading}}</h2>
{{#if diagnostics.intro}}<p>{{diagnostics.intro}}</p>{{/if}}
{{#if diagnostics.table}}{{> table diagnostics.table}}{{/if}}
{{#if diagnostics.none}}<p>{{diagnostics.none}}</p>{{/if}}
</section>
</main>
</body>
</html>
`;
