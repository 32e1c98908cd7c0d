// README, "A new project in one step": the command line built in this reactor makes the project the invoker then
// builds, from the Petstore spec of the examples, with the deployment files.
File cli = new File(cliJar)
assert cli.isFile() : "build generator-core first (mvn package -pl generator-core): no ${cli}"
File project = new File(basedir, 'petstore-server')
List<String> command = [new File(System.getProperty('java.home'), 'bin/java').path, '-jar', cli.path,
                        'init', '--spec', petstoreSpec, '--package', 'com.example.petstore',
                        '--dir', project.path, '--deploy']
Process process = new ProcessBuilder(command).redirectErrorStream(true).start()
String output = process.inputStream.getText('UTF-8')
assert process.waitFor() == 0 : output
new File(basedir, 'init.log').setText(output, 'UTF-8')
assert new File(project, 'pom.xml').isFile()
assert new File(project, 'src/main/openapi/petstore.json').bytes == new File(petstoreSpec).bytes
return true
