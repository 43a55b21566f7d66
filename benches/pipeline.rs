//! Bytes/s of the whole extract and of each stage, beside the baseline a naive tool would run: jieba-rs
//! `cut` with HMM over the same decoded text. Reads `../shared/corpus` when present, else `samples/`.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhibiao::input::{self, InputOptions};
use zhibiao::output::{Format, RowWriter};
use zhibiao::{Analyzer, Dicts, Document, Options, text, verify};

fn corpus() -> Vec<(PathBuf, Vec<u8>, Document)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus");
    let dir = if shared.is_dir() { shared } else { root.join("samples") };
    let (files, _) = input::expand_paths(&[dir]);
    let opts = InputOptions::default();
    let mut out = Vec::new();
    for f in files {
        // Text forms only: the decode stage is measured on bytes that decode_text reads.
        let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "txt" | "md") {
            continue;
        }
        let bytes = std::fs::read(&f).unwrap();
        for d in input::read_file(&f, &opts).into_iter().flatten() {
            out.push((f.clone(), bytes.clone(), d));
        }
    }
    out
}

fn benches(c: &mut Criterion) {
    let docs = corpus();
    let bytes: u64 = docs.iter().map(|d| d.2.text.len() as u64).sum();
    let analyzer = Analyzer::new(Dicts::builtin(), Options::default());
    let jieba = jieba_rs::Jieba::new();

    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("baseline_jieba_cut_hmm", |b| {
        b.iter(|| docs.iter().map(|d| jieba.cut(&d.2.text, true).len()).sum::<usize>())
    });
    g.bench_function("extract_whole_pipeline", |b| {
        b.iter(|| docs.iter().map(|d| analyzer.analyze(&d.2).indicators.len()).sum::<usize>())
    });
    g.bench_function("stage_decode", |b| {
        b.iter(|| docs.iter().map(|d| input::decode_text(&d.1, None).map(|t| t.len()).unwrap_or(0)).sum::<usize>())
    });
    g.bench_function("stage_split", |b| {
        b.iter(|| docs.iter().map(|d| text::split(&d.2.text).sentences.len()).sum::<usize>())
    });
    g.bench_function("stage_figures", |b| {
        b.iter(|| docs.iter().map(|d| analyzer.figures(&d.2.text).len()).sum::<usize>())
    });
    // Subjects (and periods): the second half of the analysis, over documents whose figures and sentences
    // were found beforehand (not timed), with jieba already loaded.
    analyzer.warm_up();
    g.bench_function("stage_subjects", |b| {
        b.iter_batched(
            || docs.iter().map(|d| analyzer.prepare(d.2.clone())).collect::<Vec<_>>(),
            |prepared| prepared.into_iter().map(|p| analyzer.finish(p).indicators.len()).sum::<usize>(),
            criterion::BatchSize::LargeInput,
        )
    });
    // Checks and CSV rows of reports analysed once beforehand.
    let reports: Vec<_> = docs.iter().map(|d| analyzer.analyze(&d.2)).collect();
    let lx = verify::VerifyLex::new(&zhibiao::Dicts::builtin());
    g.bench_function("stage_checks", |b| {
        b.iter(|| reports.iter().map(|r| verify::findings(&lx, &r.indicators, &r.relations).len()).sum::<usize>())
    });
    g.bench_function("stage_output_csv", |b| {
        b.iter(|| {
            let mut w = RowWriter::new(Format::Csv, Vec::new(), false).unwrap();
            for r in &reports {
                w.write_report(r).unwrap();
            }
            w.finish().unwrap().len()
        })
    });
    g.finish();

    // One thread against all: the same work through rayon.
    let mut g = c.benchmark_group("threads");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    for n in [1usize, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(n).build().unwrap();
        g.bench_function(format!("extract_{n}_threads"), |b| {
            b.iter(|| {
                use rayon::prelude::*;
                pool.install(|| docs.par_iter().map(|d| analyzer.analyze(&d.2).indicators.len()).sum::<usize>())
            })
        });
    }
    g.finish();
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
