// handbook.md: the same content as handbook.html in GitHub-flavoured Markdown.
// Compiled with noEscape: plan text in the view is already Markdown-escaped
// (escape.ts), and anchors are ids built from plan identifiers.

export const markdownPartials: Record<string, string> = {
  inline: `{{#each this}}{{#if href}}[{{text}}](#{{href}}){{else}}{{text}}{{/if}}{{/each}}`,

  facts: `{{#each this}}
- **{{key}}:** {{> inline value}}
{{/each}}
`,

  table: `
{{#if caption}}
**{{caption}}**
{{#if query}}

{{> inline query}}

{{/if}}

{{/if}}
| {{#each header}}{{this}} | {{/each}}
|{{#each header}} --- |{{/each}}
{{#each rows}}
| {{#each cells}}{{> inline value}} | {{/each}}
{{/each}}

{{#each notes}}
- {{this}}
{{/each}}

`,

  entry: `
<a id="{{id}}"></a>
{{#if deep}}#{{/if}}### {{label}} ({{name}})

{{> facts facts}}
{{#if table}}
{{> table table}}
{{/if}}
`,

  question: `
<a id="{{id}}"></a>
### {{heading}}. {{label}} ({{name}})

{{> facts facts}}
{{#each tables}}
{{> table this}}
{{/each}}
{{#each notes}}
- {{this}}
{{/each}}

`,

  timepoint: `
<a id="{{id}}"></a>
### {{heading}} ({{name}})

{{> facts facts}}
{{#if table}}
{{> table table}}
{{/if}}
{{#if none}}
{{none}}
{{/if}}
`,

  paragraphs: `{{#each this}}

{{this}}
{{/each}}

`,

  parts: `
{{#each this}}
- {{> inline this}}
{{/each}}

`,
};

export const markdownTemplate = `# {{title}}

*{{subtitle}}*

{{> facts facts}}

{{intro}}

{{generatedFrom}} {{planName}}.

## {{toc.heading}}

{{#each toc.entries}}
- [{{text}}](#{{href}})
{{#each children}}
  - [{{text}}](#{{href}})
{{/each}}
{{/each}}

<a id="{{purpose.id}}"></a>
## {{purpose.heading}}
{{> paragraphs purpose.paragraphs}}

<a id="{{questions.id}}"></a>
## {{questions.heading}}

{{questions.intro}}

{{questions.legend}}
{{#if questions.none}}

{{questions.none}}
{{/if}}
{{#each questions.items}}
{{> question this}}
{{/each}}

<a id="{{schedule.id}}"></a>
## {{schedule.heading}}

{{schedule.intro}}

{{schedule.keyNote}}
{{#each schedule.items}}
{{> timepoint this}}
{{/each}}

<a id="{{codebook.id}}"></a>
## {{codebook.heading}}

{{codebook.intro}}

<a id="{{codebook.variables.id}}"></a>
### {{codebook.variables.heading}}
{{#each codebook.variables.items}}
{{> entry this}}
{{/each}}

<a id="{{codebook.valuesets.id}}"></a>
### {{codebook.valuesets.heading}}
{{#each codebook.valuesets.items}}
{{> entry this}}
{{/each}}

<a id="{{groups.id}}"></a>
## {{groups.heading}}

{{groups.intro}}
{{#if groups.none}}

{{groups.none}}
{{/if}}
{{#each groups.items}}
{{> entry this}}
{{/each}}

<a id="{{protection.id}}"></a>
## {{protection.heading}}
{{> paragraphs protection.personal}}
{{> paragraphs protection.key}}

{{protection.smallNumbers}}
{{#with protection.sensitive}}

### {{heading}}
{{#if table}}

{{intro}}
{{> table table}}
{{/if}}
{{#if none}}

{{none}}
{{/if}}
{{/with}}
{{#with protection.legalBasis}}

### {{heading}}
{{#each items}}
{{> paragraphs this}}
{{/each}}
{{#if none}}

{{none}}
{{/if}}
{{/with}}
{{#if protection.notes}}
{{#with protection.notes}}

### {{heading}}
{{#each items}}
{{> paragraphs this}}
{{/each}}
{{/with}}
{{/if}}
{{#with protection.freeText}}

### {{heading}}

{{intro}}
{{#if table}}
{{> table table}}
{{/if}}
{{#if none}}

{{none}}
{{/if}}
{{/with}}
{{#with protection.minimisation}}

### {{heading}}
{{#if intro}}

{{intro}}
{{> parts items}}
{{/if}}
{{#if none}}

{{none}}
{{/if}}
{{/with}}

<a id="{{reliability.id}}"></a>
## {{reliability.heading}}

{{reliability.intro}}
{{#each reliability.topics}}

### {{heading}}
{{> paragraphs paragraphs}}
{{#if listIntro}}

{{listIntro}}
{{/if}}
{{#if items.length}}
{{> parts items}}
{{/if}}
{{#if table}}
{{> table table}}
{{/if}}
{{/each}}

<a id="{{scenarios.id}}"></a>
## {{scenarios.heading}}

{{scenarios.intro}}
{{> table scenarios.table}}

{{scenarios.outro}}

<a id="{{checklist.id}}"></a>
## {{checklist.heading}}

{{checklist.intro}}
{{#each checklist.parts}}

### {{heading}}

{{#each items}}
{{number}}. {{text}}
{{/each}}
{{/each}}

<a id="{{diagnostics.id}}"></a>
## {{diagnostics.heading}}
{{#if diagnostics.intro}}

{{diagnostics.intro}}
{{/if}}
{{#if diagnostics.table}}
{{> table diagnostics.table}}
{{/if}}
{{#if diagnostics.none}}

{{diagnostics.none}}
{{/if}}
`;
