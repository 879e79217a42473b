"""Validates JSON documents against a JSON Schema (draft 2020-12) with the
jsonschema package, for tests/io/schema_writer_test.cpp.

    python3 validate_schema.py SCHEMA < DOCUMENTS

DOCUMENTS holds one JSON document per line. For each, one line goes to
standard output: "valid", or "invalid: " and the error that best explains
why. Exit status 3 when the jsonschema package is not installed (the test is
then skipped), 1 when SCHEMA is not a valid schema.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    print("the Python package jsonschema is not installed (Debian: python3-jsonschema)", file=sys.stderr)
    sys.exit(3)

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
try:
    jsonschema.Draft202012Validator.check_schema(schema)
except jsonschema.exceptions.SchemaError as e:
    print("the schema is not a valid draft 2020-12 schema: " + e.message, file=sys.stderr)
    sys.exit(1)
validator = jsonschema.Draft202012Validator(schema)
for line in sys.stdin:
    error = jsonschema.exceptions.best_match(validator.iter_errors(json.loads(line)))
    print("valid" if error is None else "invalid: " + error.message.replace("\n", " "))
