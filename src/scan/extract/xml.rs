//! Reading a document's XML part as a stream of opening tags, closing tags and text, with
//! namespaces resolved: Word and LibreOffice name their elements by prefix ("w:", "text:"), but
//! the prefix is only a local alias, and other producers pick other ones.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{NamespaceResolver, ResolveResult};
use quick_xml::{NsReader, XmlVersion};

use crate::scan::ScanProblem;

/// One step through the XML. Empty elements (`<w:tab/>`) come as a start and an end.
pub enum Node<'a> {
    Start(Element<'a>),
    End {
        namespace: &'a str,
        local: &'a str,
        /// As the start's.
        depth: usize,
    },
    /// Character data, entities and character references resolved.
    Text(Cow<'a, str>),
}

/// An opening tag: its namespace URI ("" for none) and local name, and its attributes.
pub struct Element<'a> {
    pub namespace: &'a str,
    pub local: &'a str,
    /// 1 for the root element, 2 for its children, and so on.
    pub depth: usize,
    start: &'a BytesStart<'a>,
    resolver: &'a NamespaceResolver,
}

impl Element<'_> {
    /// The value of the attribute with this local name in one of these namespaces.
    pub fn attribute(&self, namespaces: &[&str], local: &str) -> Option<String> {
        self.start.attributes().flatten().find_map(|attribute| {
            let (resolved, name) = self.resolver.resolve_attribute(attribute.key);
            let in_namespace = match resolved {
                ResolveResult::Bound(namespace) => namespaces.contains(&namespace.0),
                _ => false,
            };
            if in_namespace && name.as_ref() == local {
                attribute.normalized_value(XmlVersion::Implicit1_0).ok().map(Cow::into_owned)
            } else {
                None
            }
        })
    }

    pub fn is(&self, namespaces: &[&str], local: &str) -> bool {
        self.local == local && namespaces.contains(&self.namespace)
    }
}

/// What the walk does after a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    Continue,
    /// After an opening tag: leave out everything inside the element, and its closing tag.
    /// (After a closing tag or text there is nothing to leave out, and the walk continues.)
    SkipContent,
}

/// Walks the XML text `xml` (the part named `part`, for messages), calling `visit` for every
/// node in document order, except inside the elements it chose to skip.
pub fn walk(
    part: &str,
    xml: &str,
    mut visit: impl FnMut(Node<'_>) -> Result<Next, ScanProblem>,
) -> Result<(), ScanProblem> {
    let unreadable = |error: &dyn std::fmt::Display| ScanProblem::Unreadable { detail: format!("{part}: {error}") };
    let mut reader = NsReader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    let mut depth = 0;
    // While Some(d), the element at depth d and everything in it are left out.
    let mut skipping: Option<usize> = None;
    loop {
        let event = reader.read_event().map_err(|error| unreadable(&error))?;
        let resolver = reader.resolver();
        match &event {
            Event::Start(start) => {
                depth += 1;
                if skipping.is_some() {
                    continue;
                }
                let (resolved, local) = resolver.resolve_element(start.name());
                let namespace = match resolved {
                    ResolveResult::Bound(namespace) => namespace.0,
                    _ => "",
                };
                let element = Element { namespace, local: local.into_inner(), depth, start, resolver };
                if visit(Node::Start(element))? == Next::SkipContent {
                    skipping = Some(depth);
                }
            }
            Event::End(end) => {
                if skipping == Some(depth) {
                    skipping = None;
                } else if skipping.is_none() {
                    let (resolved, local) = resolver.resolve_element(end.name());
                    let namespace = match resolved {
                        ResolveResult::Bound(namespace) => namespace.0,
                        _ => "",
                    };
                    visit(Node::End { namespace, local: local.into_inner(), depth })?;
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => return Ok(()),
            _ if skipping.is_some() => {}
            Event::Text(text) => {
                visit(Node::Text(text.xml10_content()))?;
            }
            Event::CData(data) => {
                visit(Node::Text(data.xml10_content()))?;
            }
            Event::GeneralRef(reference) => {
                let text = match reference.resolve_char_ref() {
                    Ok(Some(character)) => Some(Cow::Owned(character.to_string())),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(reference).map(Cow::Borrowed),
                    Err(error) => return Err(unreadable(&error)),
                };
                // An entity a DTD would define: documents have none, and its name is no text.
                if let Some(text) = text {
                    visit(Node::Text(text))?;
                }
            }
            _ => {}
        }
    }
}
