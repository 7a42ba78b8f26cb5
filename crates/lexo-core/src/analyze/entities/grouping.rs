//! Grouping: inflected mentions of one entity (Rusi, Rusisë, Rusinë) under one canonical name.

#[allow(unused_imports)]
use super::*;

/// The script of a word's first letter (Latin, Greek, Cyrillic, or other), to keep names apart.
pub(super) fn script(word: &str) -> u8 {
    match word.chars().find(|c| c.is_alphabetic()).map(u32::from) {
        Some(0x0370..=0x03FF | 0x1F00..=0x1FFF) => 1,
        Some(0x0400..=0x052F) => 2,
        Some(c) if c < 0x0250 || (0x1E00..=0x1EFF).contains(&c) => 0,
        _ => 3,
    }
}

/// Two lowercase words are forms of one word: equal, or one inflects the other.
pub(super) fn same_word(a: &str, b: &str, lang: &str) -> bool {
    if a == b || strip_attached_suffix(a) == strip_attached_suffix(b) {
        return true;
    }
    if lang == "sq" {
        let fa = query_forms(a);
        let fb = query_forms(b);
        return fa.iter().any(|x| fb.contains(x) && x.chars().count() >= 3 && (x == a || x == b || x.chars().count() + 3 >= a.chars().count().max(b.chars().count())));
    }
    // Other inflecting languages (ru, sr, el, tr, de): shared stem, short endings.
    let (short, long) = if a.chars().count() <= b.chars().count() { (a, b) } else { (b, a) };
    let common = short.chars().zip(long.chars()).take_while(|(x, y)| x == y).count();
    common >= 4 && short.chars().count() - common <= 2 && long.chars().count() - common <= 3
}

// ---------------------------------------------------------------------------------------------
// Grouping

/// Group mentions of one entity across inflection and partial names.
pub fn group(text: &str, lang: Lang, spans: &[Span], data: &EntityData) -> Entities {
    let chars: Vec<char> = text.chars().collect();
    let res = data.resources();
    // kind, distinct token lists, surface forms
    let mut groups: Vec<(EntityKind, Vec<Vec<String>>, Vec<String>)> = Vec::new();
    // Groups by the key of their names' first words (and, for people, last words): a mention is
    // compared only with groups that may hold it, so grouping stays linear in the text.
    let mut by_first = WordIndex::default();
    let mut by_person_end = WordIndex::default();
    let mut mentions = Vec::with_capacity(spans.len());
    // Longer names first so "Kim" joins "Kim Jong Un" rather than founding its own group.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(spans[i].end - spans[i].start));
    let mut group_of = vec![0; spans.len()];
    for &i in &order {
        let s = spans[i];
        let surface: String = chars[s.start..s.end].iter().collect();
        let toks: Vec<String> = surface.split_whitespace().map(|w| w.to_lowercase()).filter(|w| !is_connector_word(w)).collect();
        let first = toks.first().map_or("", String::as_str);
        let mut lists = Vec::new();
        by_first.lists(first, &mut lists);
        if s.kind == EntityKind::Per && toks.len() == 1 {
            by_person_end.lists(first, &mut lists);
        }
        let found = merge_ascending(&lists).into_iter().find(|&g| {
            let (kind, names, _) = &groups[g];
            *kind == s.kind
                && names.iter().any(|n| {
                    (n.len() == toks.len() && n.iter().zip(&toks).all(|(a, b)| same_word(a, b, lang.code)))
                        || (s.kind == EntityKind::Per && toks.len() == 1 && n.len() > 1 && (same_word(&n[0], &toks[0], lang.code) || same_word(&n[n.len() - 1], &toks[0], lang.code)))
                })
        });
        let g = match found {
            Some(g) => g,
            None => {
                groups.push((s.kind, Vec::new(), Vec::new()));
                groups.len() - 1
            }
        };
        if !groups[g].1.contains(&toks) {
            by_first.add(first, g);
            if s.kind == EntityKind::Per && toks.len() > 1 {
                by_person_end.add(&toks[0], g);
                by_person_end.add(&toks[toks.len() - 1], g);
            }
            groups[g].1.push(toks);
        }
        groups[g].2.push(surface);
        group_of[i] = g;
    }
    for (i, s) in spans.iter().enumerate() {
        mentions.push(Mention { start: s.start, end: s.end, kind: s.kind, text: chars[s.start..s.end].iter().collect(), group: group_of[i] });
    }
    let groups = groups
        .into_iter()
        .enumerate()
        .map(|(id, (kind, _, surfaces))| EntityGroup { id, kind, name: canonical_name(&surfaces, res), count: surfaces.len() })
        .collect();
    Entities { mentions, groups }
}

/// The base form if a word list has it, else the longest full name for people, else the most
/// frequent form.
pub(super) fn canonical_name(surfaces: &[String], res: &Resources) -> String {
    let is_listed = |s: &&String| {
        let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
        res.names.starting_with(&words[0]).any(|(e, _)| *e == words)
    };
    // The shortest listed form is the base form (Rusi, not Rusia).
    if let Some(base) = surfaces.iter().filter(is_listed).min_by_key(|s| s.chars().count()) {
        return base.clone();
    }
    let mut counts: Vec<(usize, usize, &String)> = Vec::new();
    for s in surfaces {
        match counts.iter_mut().find(|(_, _, t)| *t == s) {
            Some(c) => c.0 += 1,
            None => counts.push((1, s.split_whitespace().count(), s)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)).then(a.2.chars().count().cmp(&b.2.chars().count())));
    counts.first().map(|c| c.2.clone()).unwrap_or_default()
}
