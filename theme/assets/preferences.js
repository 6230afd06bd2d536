{#- A static template (mkdocs.yml: theme.static_templates): rendered once per build from mkdocs.yml, and loaded
    once and cached instead of what Material writes on every page: its inline head script, its settings (the
    config block) and its palette form and script (partials/javascripts/base.html, main.html, header.html). -#}
{%- import "partials/icons-css.html" as icons -%}
// Material's stored-preference functions (its inline head script), its settings, and its palette toggle drawn by
// script: the toggle's labels are hidden until Material's script shows them, so a reader without scripts never had it.
(function (script) {
  var scope = script.getAttribute("data-scope");
  window.__md_scope = scope ? new URL(scope, location) : new URL("..", script.src);
  window.__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
  window.__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
  window.__md_set = (e, _, t = localStorage, a = __md_scope) => {
    try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (e) {}
  };

  // Material's settings for its script (partials/config-json.html), put in <head> where its script looks for them
  // on the page; addresses were written relative to this file and are made absolute, as Material makes them.
  var settings = {% include "partials/config-json.html" %};
  for (var key of ["base", "search"]) if (key in settings) settings[key] = new URL(settings[key], script.src).href;
  var element = Object.assign(document.createElement("script"), { type: "application/json", id: "__config" });
  element.textContent = JSON.stringify(settings);
  script.after(element);

  // mkdocs.yml's palette options, as partials/palette.html would write them
  var OPTIONS = [
  {%- if config.theme.palette and not config.theme.palette is mapping %}
    {%- for option in config.theme.palette %}
      {%- set toggle = option.toggle %}
    {
      color: {
        media: {{ option.media | tojson }},
        scheme: {{ option.scheme | d("default", true) | replace(" ", "-") | tojson }},
        primary: {{ option.primary | d("indigo", true) | replace(" ", "-") | tojson }},
        accent: {{ option.accent | d("indigo", true) | replace(" ", "-") | tojson }},
      },
      {%- if toggle %}
      {%- set svg %}{{ icons.svg(toggle.icon) }}{% endset %}
      toggle: { name: {{ toggle.name | tojson }}, iconClass: {{ icons.css_class(toggle.icon) | tojson }}, svg: {{ svg | string | tojson }} },
      {%- endif %}
    },
    {%- endfor %}
  {%- endif %}
  ];

  function colorOf(input) {
    var color = {};
    for (var key of ["media", "scheme", "primary", "accent"]) color[key] = input.getAttribute("data-md-color-" + key);
    return color;
  }

  // The palette chosen on an earlier page goes on <body> before the page is drawn; a stored "automatic" choice
  // takes the option matching the system's scheme now (Material's inline palette script).
  function restorePalette() {
    var palette = __md_get("__palette");
    if (!palette || !palette.color) return;
    if (palette.color.media === "(prefers-color-scheme)") {
      var scheme = matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark";
      palette.color = colorOf(document.querySelector("[data-md-color-media='(prefers-color-scheme: " + scheme + ")']"));
    }
    for (var [key, value] of Object.entries(palette.color)) document.body.setAttribute("data-md-color-" + key, value);
  }

  // Material's palette form (partials/palette.html), put where the calling script stands in the header, then the
  // stored palette restored. Material's script mounts the form as if the page had carried it.
  window.__tl_palette_toggle = function () {
    if (OPTIONS.length) document.currentScript.before(paletteForm());
    restorePalette();
  };

  function paletteForm() {
    var form = document.createElement("form");
    form.className = "md-header__option";
    form.setAttribute("data-md-component", "palette");
    OPTIONS.forEach(function (option, index) {
      var input = document.createElement("input");
      input.className = "md-option";
      for (var [key, value] of Object.entries(option.color)) input.setAttribute("data-md-color-" + key, value);
      if (option.toggle) input.setAttribute("aria-label", option.toggle.name);
      else input.setAttribute("aria-hidden", "true");
      Object.assign(input, { type: "radio", name: "__palette", id: "__palette_" + index });
      form.appendChild(input);
      if (!option.toggle) return;
      var label = document.createElement("label");
      label.className = "md-header__button md-icon" + option.toggle.iconClass;
      label.title = option.toggle.name;
      label.htmlFor = "__palette_" + ((index + 1) % OPTIONS.length);
      label.hidden = true;
      label.innerHTML = option.toggle.svg;  // Material's own icon file, or empty where CSS draws the icon
      form.appendChild(label);
    });
    return form;
  }
})(document.currentScript);
