// Listens on a free loopback port (never accepting: a connection attempt would wait in the backlog, where
// verify.groovy finds it) and writes the spec, whose first reference points at that port.
ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
System.properties.put('hostile-remote-ref.listener', listener)
File spec = new File(basedir, 'target/spec/remote.yaml')
spec.parentFile.mkdirs()
spec.setText("""openapi: 3.0.3
info: {title: remote, version: '1'}
paths:
  /x:
    get:
      operationId: getX
      parameters:
        - \$ref: 'http://127.0.0.1:${listener.localPort}/x.yaml#/A'
        - \$ref: '../../../../../../../../../../etc/passwd'
        - {name: q, in: query, schema: {\$ref: 'file:///etc/passwd'}}
        - {name: r, in: query, schema: {\$ref: '/etc/passwd#/root'}}
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {\$ref: 'http://169.254.169.254/latest/meta-data/'}}}
""", 'UTF-8')
return true
