//! A minimal HTML writer that escapes by construction: every piece of text and every attribute
//! value passes through `escape`, and the only unescaped markup it accepts is `&'static str`,
//! which cannot come from a user or a file.

use std::fmt::Write as _;

/// Escapes text for use in element content and in double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Markup made by `Html`: every text in it was escaped on the way in. The UI shows documents
/// with `inner_html` only as `Markup`, so nothing a user typed can reach the page unescaped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup(String);

impl Markup {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl std::ops::Deref for Markup {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::ops::Add<Markup> for Markup {
    type Output = Markup;
    fn add(mut self, more: Markup) -> Markup {
        self.0.push_str(&more.0);
        self
    }
}

impl std::fmt::Display for Markup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Default)]
pub struct Html {
    out: String,
}

impl Html {
    pub fn new() -> Html {
        Html { out: String::with_capacity(4096) }
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Html {
        self.out.push_str(&escape(text));
        self
    }

    /// Trusted markup, written in the source code.
    pub fn raw(&mut self, markup: &'static str) -> &mut Html {
        self.out.push_str(markup);
        self
    }

    /// `<tag a="v" …>`; attribute values are escaped. An empty value writes a bare attribute
    /// only for the boolean attributes passed with `Some("")`; `None` values are left out.
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, Option<&str>)]) -> &mut Html {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            if let Some(value) = value {
                let _ = write!(self.out, " {name}=\"{}\"", escape(value));
            }
        }
        self.out.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Html {
        let _ = write!(self.out, "</{tag}>");
        self
    }

    /// `<tag attributes>text</tag>`.
    pub fn element(&mut self, tag: &'static str, attributes: &[(&'static str, Option<&str>)], text: &str) -> &mut Html {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// `<tag class="class">text</tag>`.
    pub fn el(&mut self, tag: &'static str, class: &str, text: &str) -> &mut Html {
        self.element(tag, &[("class", Some(class))], text)
    }

    pub fn finish(self) -> Markup {
        Markup(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut html = Html::new();
        html.element("p", &[("title", Some("\"><script>"))], "<script>alert('x')</script> & co");
        assert_eq!(
            html.finish().as_str(),
            "<p title=\"&quot;&gt;&lt;script&gt;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</p>"
        );
    }

    #[test]
    fn absent_attributes_are_left_out() {
        let mut html = Html::new();
        html.open("a", &[("href", Some("#/")), ("aria-current", None)]).text("x").close("a");
        assert_eq!(html.finish().as_str(), "<a href=\"#/\">x</a>");
    }
}
