//! The model's fast path against its named features.

use super::*;

fn shipped() -> Model {
    Model::from_tsv(include_str!("../../flows/frames-model.tsv")).unwrap()
}

#[test]
fn every_feature_is_found_by_its_name() {
    let m = shipped();
    for (i, name) in m.weights.keys().enumerate() {
        assert_eq!(m.fast().lookup(name), Some(i as u32), "{name}");
    }
}

/// The fast path reads a text exactly as the named features say.
#[test]
fn inference_sees_the_features_training_sees() {
    let m = shipped();
    for text in [
        "Geen sancties, maar wél begeleiding bij de schuldhulpverlening",
        "she doesn't want help, and that's her call to make",
        "ff checken of ze echt alleen woont, anders stopt de uitkering",
    ] {
        let lang = lang_of(text, None);
        let named: Vec<(u32, (usize, usize))> = {
            let mut v: Vec<(u32, (usize, usize))> = m
                .features(text, lang)
                .iter()
                .filter_map(|(n, spans)| Some((m.fast().lookup(n)?, spans.clone())))
                .flat_map(|(i, spans)| spans.into_iter().map(move |s| (i, s)))
                .collect();
            v.sort();
            v
        };
        let p = m.known(text, &fold(text), lang, &[]);
        let mut fast: Vec<(u32, (usize, usize))> = p
            .runs
            .iter()
            .flat_map(|&(i, from, to)| p.spans(from, to).map(move |s| (i, s)))
            .collect();
        fast.sort();
        assert!(!fast.is_empty(), "{text}");
        assert_eq!(named, fast, "{text}");
    }
}
