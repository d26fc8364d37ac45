//! What the `diary-sort` tool computes, apart from its commands (and tested as a library): the
//! answers the module reported, read back; the class report's numbers; the set format's JSON
//! Schema and canonical form. Native only: none of it reaches the student's module.

pub mod answers;
pub mod class_report;
pub mod schema;
