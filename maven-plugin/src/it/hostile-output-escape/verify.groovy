// Issue 11: every file the builds wrote lies in the directories they were configured with; the path-like server
// name became a Java and file name, the path-like tool name was refused naming where it came from.
import java.nio.file.Files
import java.nio.file.Path

List<String> log = new File(basedir, 'build.log').readLines('UTF-8')
Path sanitized = new File(basedir, 'sanitized/target').toPath()
List<String> written = Files.walk(sanitized).filter { Files.isRegularFile(it) }
    .collect { sanitized.relativize(it).toString().replace(File.separatorChar, (char) '/') }
    .findAll { !it.startsWith('maven-status/') && !it.startsWith('classes/') }.sort()
assert written == [
    'deploy/Dockerfile', 'deploy/bin/evil-mcp-server', 'deploy/kubernetes/deployment.yaml',
    'deploy/kubernetes/hpa.yaml',
    'deploy/kubernetes/kustomize/base/deployment.yaml', 'deploy/kubernetes/kustomize/base/kustomization.yaml',
    'deploy/kubernetes/kustomize/base/service.yaml',
    'deploy/kubernetes/kustomize/overlays/inbound-auth/inbound-auth.yaml',
    'deploy/kubernetes/kustomize/overlays/inbound-auth/kustomization.yaml',
    'deploy/kubernetes/kustomize/overlays/replicas/kustomization.yaml',
    'deploy/kubernetes/kustomize/overlays/secrets/.gitignore',
    'deploy/kubernetes/kustomize/overlays/secrets/credentials.env.example',
    'deploy/kubernetes/kustomize/overlays/secrets/kustomization.yaml',
    'deploy/kubernetes/kustomize/overlays/stateless-hpa/hpa.yaml',
    'deploy/kubernetes/kustomize/overlays/stateless-hpa/kustomization.yaml',
    'deploy/kubernetes/service.yaml', 'deploy/server.json',
    'generated-sources/openapi2mcp/com/example/escape/EvilServer.java',
    'generated-sources/openapi2mcp/com/example/escape/EvilTools.java',
    'openapi2mcp/lint.md', 'openapi2mcp/tools-list.json'] : written

// Nothing named after the hostile text anywhere else: not beside the projects, not in the invoker's folders above.
Path top = basedir.toPath().parent.parent
List<Path> stray = Files.walk(top, 4).filter { it.fileName.toString().toLowerCase().contains('evil') }
    .filter { !it.startsWith(sanitized) }.collect()
assert stray.isEmpty() : stray
assert !new File('/tmp/openapi2mcp-escape').exists()

String spec = new File(basedir, 'refused/src/main/openapi/escape.yaml').toPath().toAbsolutePath().normalize().toString()
List<String> errors = log.findAll { it.startsWith('[ERROR]   ERROR ') }
assert errors == ["[ERROR]   ERROR ${spec}#/paths/~1x/get/x-mcp-name (getX): invalid tool name '../../../evil' for getX: " +
    "a tool name may only hold letters, digits, '_', '.' and '-'".toString()] : errors
assert !new File(basedir, 'refused/target/generated-sources/openapi2mcp').exists()
assert log.contains('[INFO] BUILD FAILURE')
return true
