// Writes the oversized specs, streaming: the invoker's own heap never holds one of them.
def spec = { String module, String name, String head, long repeat, String tail ->
  File file = new File(basedir, "${module}/target/${name}")
  file.parentFile.mkdirs()
  file.withOutputStream { out ->
    out.write(head.getBytes('UTF-8'))
    byte[] chunk = ('x' * 65536).getBytes('US-ASCII')
    long left = repeat
    while (left > 0) {
      int n = (int) Math.min(left, chunk.length)
      out.write(chunk, 0, n)
      left -= n
    }
    out.write(tail.getBytes('UTF-8'))
  }
}
String jsonHead = '{"openapi":"3.0.3","info":{"title":"huge","version":"1","description":"'
String jsonTail = '"},"paths":{"/x":{"get":{"operationId":"getX","responses":{"200":{"description":"ok"}}}}}}'
// A 100 MiB description: over the 64 MiB a description file may have.
spec('hundred-mb', 'huge.json', jsonHead, 100L * 1024 * 1024, jsonTail)
// 21 million characters in one JSON string: under the file limit, over Jackson's 20 million.
spec('long-json-string', 'long.json', jsonHead, 21_000_000L, jsonTail)
// 4 million characters of YAML: over the 3 Mi code points swagger-parser reads YAML up to.
spec('long-yaml', 'long.yaml', "openapi: 3.0.3\ninfo:\n  title: huge\n  version: '1'\n  description: ", 4_000_000L,
    "\npaths:\n  /x:\n    get:\n      operationId: getX\n      responses: {'200': {description: ok}}\n")
return true
