//! JSON Schema (draft 2020-12) of a table's JSON rows, from the same [`Schema`] the writers read: hand it
//! to a reader that would otherwise guess types from the first rows (polars' `read_ndjson`, DuckDB's
//! `read_json`, pandas).

use serde_json::{Map, Value, json};

use super::table::{Column, Names, SCHEMA_VERSION, Schema, Type, zh_value};

fn property(c: &Column, ty: Type, nullable: bool, doc: &str, names: Names) -> Value {
    let base = match ty {
        Type::Text => "string",
        Type::Int => "integer",
        Type::Decimal => "number",
        Type::Enum(_) => "string",
    };
    let mut p = Map::new();
    p.insert("type".into(), if nullable { json!([base, "null"]) } else { json!(base) });
    if let Type::Enum(values) = ty {
        let mut vs: Vec<Value> = values
            .iter()
            .map(|v| Value::String(if names == Names::Zh { zh_value(v).into_owned() } else { v.to_string() }))
            .collect();
        if nullable {
            vs.push(Value::Null);
        }
        p.insert("enum".into(), Value::Array(vs));
    }
    if ty == Type::Decimal {
        p.insert("x-zhibiao-type".into(), json!("decimal"));
    }
    if c.name == "schema_version" {
        p.insert("const".into(), json!(SCHEMA_VERSION));
    }
    if !doc.is_empty() {
        p.insert("description".into(), json!(doc));
    }
    p.into()
}

/// The JSON Schema of one row of `schema` as written with `names`: every column a required property of
/// its JSON type (`number` for exact decimals, marked `"x-zhibiao-type": "decimal"`), `null` allowed
/// where a cell may be empty, enumerated values listed, no other property.
pub fn json_schema(schema: &Schema, names: Names) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for c in &schema.columns {
        let name = c.name_in(names).to_string();
        props.insert(name.clone(), property(c, c.ty, c.nullable, &c.doc, names));
        required.push(Value::String(name));
        // The old name a row carries beside the new one during the transition release.
        if names == Names::En
            && let Some(old) = c.json_alias(schema)
        {
            let doc = format!("the same as {} (the name before schema version {SCHEMA_VERSION}; deprecated)", c.name);
            let mut p = property(c, c.ty, c.nullable, &doc, names);
            if let Value::Object(m) = &mut p {
                m.insert("deprecated".into(), json!(true));
            }
            props.insert(old.to_string(), p);
        }
    }
    let mut root = Map::new();
    root.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
    root.insert("title".into(), json!(format!("zhibiao {}: {}", schema.table, schema.title)));
    root.insert("x-schema-version".into(), json!(SCHEMA_VERSION));
    root.insert("type".into(), json!("object"));
    root.insert("properties".into(), Value::Object(props));
    if schema.table == "compare" {
        // Year columns depend on the reports: described by pattern.
        let (_, per_year) = super::compare::wide_schema_pattern();
        let mut pats = Map::new();
        for (suffix, ty, doc) in per_year {
            let pat = match names {
                Names::En => format!("^y[0-9]{{4}}{}$", suffix.en),
                Names::Zh => format!("^[0-9]{{4}}年{}$", suffix.zh),
                Names::Legacy => format!("^[0-9]{{4}}{}$", suffix.legacy),
            };
            let c = Column::new("", "", ty);
            pats.insert(pat, property(&c, ty, true, doc, names));
        }
        // Columns of figures over several years: `p2011_2015_average`, `2011–2015年均`.
        for (suffix, ty, doc) in super::compare::span_schema_pattern() {
            let pat = match names {
                Names::En | Names::Legacy => format!("^p[0-9]{{4}}_[0-9]{{4}}_(average|total|change){}$", suffix.en),
                Names::Zh => format!("^[0-9]{{4}}–[0-9]{{4}}(年均|累计|变动){}$", suffix.zh),
            };
            let c = Column::new("", "", ty);
            pats.insert(pat, property(&c, ty, true, doc, names));
        }
        root.insert("patternProperties".into(), Value::Object(pats));
    }
    root.insert("required".into(), Value::Array(required));
    root.insert("additionalProperties".into(), json!(false));
    Value::Object(root)
}

/// The schemas `zhibiao schema` knows, by table name.
pub fn schema_of(table: &str) -> Option<Schema> {
    Some(match table {
        "extract" => super::indicator_schema(),
        "verify" => super::check_schema(),
        "compare" => {
            let (columns, _) = super::compare::wide_schema_pattern();
            Schema {
                table: "compare",
                title: "one indicator across years (year columns y2015, y2015_max … by pattern)",
                columns,
                sheet: super::SheetName { en: "compare", zh: "对比" },
                second_sheet: None,
            }
        }
        "compare-long" => super::compare::long_schema(),
        "claims" => super::compare::claims_schema(),
        _ => return None,
    })
}

/// The tables [`schema_of`] knows.
pub const TABLES: &[&str] = &["extract", "verify", "compare", "compare-long", "claims"];
