// Writes the two deep-path specs as JSON (YAML keys are limited to 1024 characters anyway).
import groovy.json.JsonOutput

def write = { String module, String path, List parameters ->
  def operation = [responses: ['200': [description: 'ok']]]
  if (parameters) {
    operation.parameters = parameters
  }
  def spec = [openapi: '3.0.3', info: [title: 'deep', version: '1'], servers: [[url: 'https://api.example.com']],
              paths: [(path): [get: operation]]]
  File file = new File(basedir, "${module}/target/${module}.json")
  file.parentFile.mkdirs()
  file.setText(JsonOutput.toJson(spec), 'UTF-8')
}
write('segments', '/a' * 10_000, null)
write('parameters', (0..<10_000).collect { "/{p${it}}" }.join(''),
    (0..<10_000).collect { [name: "p${it}", in: 'path', required: true, schema: [type: 'string']] })
return true
