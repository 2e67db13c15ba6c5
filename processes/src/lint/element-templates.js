// Checks the Modeler element templates against Camunda 7's element template JSON schema; run by the processes build.
const Ajv = require('ajv');
const fs = require('fs');
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
let failed = 0;
for (const file of process.argv.slice(2)) {
  const templates = [].concat(JSON.parse(fs.readFileSync(file, 'utf8')));
  for (const template of templates) {
    if (!validate(template)) {
      failed++;
      console.error(`${file}: ${template.id}: ${ajv.errorsText(validate.errors)}`);
    }
  }
  console.log(`${file}: ${templates.length} templates checked`);
}
process.exit(failed ? 1 : 0);
