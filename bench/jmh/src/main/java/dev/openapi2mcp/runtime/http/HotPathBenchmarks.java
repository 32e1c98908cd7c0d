package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-call hot paths of the runtime on two tools generated from GitHub's description: argument validation
 * ({@link ArgumentValidator}), request building ({@link RequestFactory}: path, 13 query parameters, a flattened JSON
 * body, credentials) and response mapping ({@link ResponseMapper}: reading a 4.6 KB Issue, parsing it and checking it
 * against the tool's output schema before it becomes {@code structuredContent}). The benchmarks live in the runtime's
 * package because these classes are package-private by design; they run on the classpath, not as a module.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPathBenchmarks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private ToolDefinition listIssues;
  private ToolDefinition createIssue;
  private ObjectNode listArguments;
  private ObjectNode createArguments;
  private ArgumentValidator validator;
  private RequestFactory requests;
  private ResponseMapper responses;
  private PreparedRequest createRequest;
  private byte[] issueBody;

  @Setup
  public void setUp() throws Exception {
    listIssues = GithubTools.issuesListForRepo();
    createIssue = GithubTools.issuesCreate();
    ServerDefinition definition = ServerDefinition.builder("github").version("1")
        .baseUrl("https://api.github.com").tools(List.of(listIssues, createIssue)).build();
    Credentials credentials = Credentials.load(definition, Map.of());
    validator = new ArgumentValidator();
    requests = new RequestFactory(HttpUrl.get("https://api.github.com"), credentials, new Redactor(definition),
        "openapi2mcp-jmh", new LocalFiles(null, ExecutorOptions.DEFAULT_MAX_FILE_BYTES));
    responses = new ResponseMapper(ExecutorOptions.DEFAULT_MAX_RESPONSE_BYTES, credentials, validator);
    listArguments = (ObjectNode) JSON.readTree("{\"owner\":\"octocat\",\"repo\":\"hello-world\",\"state\":\"all\","
        + "\"labels\":\"bug,ui,@high\",\"sort\":\"updated\",\"direction\":\"asc\",\"since\":\"2026-01-01T00:00:00Z\","
        + "\"assignee\":\"octo cat\",\"per_page\":100,\"page\":3}");
    createArguments = (ObjectNode) JSON.readTree("{\"owner\":\"octocat\",\"repo\":\"hello-world\","
        + "\"title\":\"Found a bug\",\"body\":\"I'm having a problem with this. Steps: 1) open 2) click\","
        + "\"assignees\":[\"octocat\",\"hubot\"],\"milestone\":1,\"labels\":[\"bug\",{\"name\":\"ui\"}]}");
    try (InputStream in = HotPathBenchmarks.class.getResourceAsStream("/issue-response.json")) {
      issueBody = in.readAllBytes();
    }
    // The benchmarks must measure the paths a served call takes, not the error paths.
    require(validator.validate(listIssues, listArguments).isEmpty(), "list arguments invalid: "
        + validator.validate(listIssues, listArguments));
    require(validator.validate(createIssue, createArguments).isEmpty(), "create arguments invalid: "
        + validator.validate(createIssue, createArguments));
    createRequest = requests.build(createIssue, createArguments);
    ResponseMapper.Mapped mapped = mapIssue();
    require(!mapped.result().isError() && mapped.result().structuredContent() != null,
        "the Issue response was not mapped to conforming structured content: " + mapped.result());
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  @Benchmark
  public List<String> validateListArguments() {
    return validator.validate(listIssues, listArguments);
  }

  @Benchmark
  public List<String> validateCreateArguments() {
    return validator.validate(createIssue, createArguments);
  }

  @Benchmark
  public PreparedRequest buildListRequest() throws InvalidRequestException {
    return requests.build(listIssues, listArguments);
  }

  @Benchmark
  public PreparedRequest buildCreateRequest() throws InvalidRequestException {
    return requests.build(createIssue, createArguments);
  }

  @Benchmark
  public ResponseMapper.Mapped mapIssueResponse() throws IOException {
    return mapIssue();
  }

  /** The JSON parse alone, as the floor under {@link #mapIssueResponse()}. */
  @Benchmark
  public JsonNode parseIssueJson() throws IOException {
    return JSON.readTree(issueBody);
  }

  /** The arguments as they arrive: parsed from the text of a {@code tools/call}. */
  @Benchmark
  public JsonNode parseCreateArguments() throws IOException {
    return JSON.readTree("{\"owner\":\"octocat\",\"repo\":\"hello-world\",\"title\":\"Found a bug\","
        + "\"body\":\"I'm having a problem with this. Steps: 1) open 2) click\",\"assignees\":[\"octocat\",\"hubot\"],"
        + "\"milestone\":1,\"labels\":[\"bug\",{\"name\":\"ui\"}]}");
  }

  private ResponseMapper.Mapped mapIssue() throws IOException {
    try (Response response = new Response.Builder().request(createRequest.request()).protocol(Protocol.HTTP_1_1)
        .code(201).message("Created").header("Content-Type", "application/json; charset=utf-8")
        .body(ResponseBody.create(issueBody, JSON_TYPE)).build()) {
      return responses.map(createIssue, createRequest, response);
    }
  }
}
