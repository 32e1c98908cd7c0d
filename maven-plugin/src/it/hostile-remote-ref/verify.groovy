// Issue 11: every reference that leaves the spec's directory is an error naming it, its file and its JSON pointer;
// nothing connected to the loopback listener, and (since the same check refused the metadata address before the
// parser saw the document) nothing was fetched from there either.
ServerSocket listener = System.properties.remove('hostile-remote-ref.listener')
assert listener != null
try {
  listener.soTimeout = 500
  listener.accept()
  assert false : 'the build connected to the loopback listener'
} catch (SocketTimeoutException expected) {
  // no connection attempt waited in the backlog
} finally {
  listener.close()
}

List<String> log = new File(basedir, 'build.log').readLines('UTF-8')
File specFile = new File(basedir, 'target/spec/remote.yaml')
String spec = specFile.toPath().toAbsolutePath().normalize().toString()
String directory = specFile.parentFile.toPath().toRealPath().toString()
List<String> errors = log.findAll { it.startsWith('[ERROR]   ERROR ') }
String off = 'remote references are off; allow them (allowRemoteRefs) or copy the document beside the spec'
String out = "it leads out of the spec's directory ${directory}; allow it (allowRemoteRefs) or copy the document beside the spec"
List<String> expected = [
    "[ERROR]   ERROR ${spec}#/paths/~1x/get/parameters/0/\$ref: remote \$ref http://127.0.0.1:${listener.localPort}/x.yaml#/A is not fetched: ${off}",
    "[ERROR]   ERROR ${spec}#/paths/~1x/get/responses/200/content/application~1json/schema/\$ref: remote \$ref http://169.254.169.254/latest/meta-data/ is not fetched: ${off}",
    "[ERROR]   ERROR ${spec}#/paths/~1x/get/parameters/1/\$ref: local \$ref ../../../../../../../../../../etc/passwd is not read: ${out}",
    "[ERROR]   ERROR ${spec}#/paths/~1x/get/parameters/2/schema/\$ref: local \$ref file:///etc/passwd is not read: ${out}",
    "[ERROR]   ERROR ${spec}#/paths/~1x/get/parameters/3/schema/\$ref: local \$ref /etc/passwd#/root is not read: ${out}",
]*.toString()
// In document order, remote references first.
assert errors == expected : errors
// Nothing of /etc/passwd reached the log.
assert !log.any { it.contains('root:x:0:0') }
assert !new File(basedir, 'target/generated-sources/openapi2mcp').exists()
assert log.contains('[INFO] BUILD FAILURE')
return true
