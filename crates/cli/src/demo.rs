//! `rasd demo`: the bundled sample articles, analysed and summarised for a person.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use rasd_pipeline::{Options, Pipeline};
use rasd_read::Article;
use rasd_resources::Resources;

/// Articles written by the rasd team for the demo and the tests.
const SAMPLES: &[(&str, &str)] = &[
    (
        "samples/cairo-agency.txt",
        include_str!("../../../samples/cairo-agency.txt"),
    ),
    (
        "samples/riyadh-hijri.txt",
        include_str!("../../../samples/riyadh-hijri.txt"),
    ),
    (
        "samples/geneva-talks.txt",
        include_str!("../../../samples/geneva-talks.txt"),
    ),
];

/// The project's reference article, when the shared fixtures are beside the checkout.
const REFERENCE: &str = "../shared/fixtures/turkpress-karabakh.txt";

pub fn run(res: Resources) -> Result<ExitCode> {
    let pipe = Pipeline::new(
        res,
        Options {
            tokens: false,
            ..Options::default()
        },
    );
    let mut articles = Vec::new();
    if Path::new(REFERENCE).exists() {
        let text = std::fs::read_to_string(REFERENCE)?;
        articles.push(Article::text(REFERENCE, text));
    } else {
        eprintln!("rasd demo: {REFERENCE} not found (it sits beside a full checkout); showing the bundled samples only");
    }
    for (name, text) in SAMPLES {
        let mut a = Article::text(name, text.to_string());
        a.date = Some("2020-10-04".into());
        articles.push(a);
    }
    for a in &articles {
        let rec = pipe.analyze(a);
        out!("{}", crate::summary::render(&rec));
    }
    Ok(ExitCode::SUCCESS)
}
