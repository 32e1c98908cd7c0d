package dev.openapi2mcp.examples.petstore.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.examples.petstore.demo.DemoClient.Reply;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemoPetstoreApiUserTest extends DemoApiTestBase {

  private static final String CAROL =
      "{\"username\":\"carol\",\"firstName\":\"Carol\",\"email\":\"carol@example.com\",\"password\":\"c-secret\"}";

  @Test
  void createdUserCanBeReadWithoutItsPassword() {
    Reply created = client.postJson("/user", CAROL);

    assertThat(created.status()).isEqualTo(200);
    Reply read = client.get("/user/carol");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("firstName").asText()).isEqualTo("Carol");
    assertThat(read.json().has("id")).isTrue();
    assertThat(read.json().has("password")).isFalse();
    assertThat(client.postJson("/user", CAROL).status()).as("duplicate").isEqualTo(409);
    assertThat(client.postJson("/user", "{\"firstName\":\"Nobody\"}").status()).isEqualTo(400);
  }

  @Test
  void loginReturnsASessionTokenOnlyForTheRightPassword() {
    client.postJson("/user", CAROL);

    Reply ok = client.get("/user/login?username=carol&password=c-secret");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().isTextual()).isTrue();
    assertThat(ok.json().asText()).matches("session-[0-9a-f]{32}");
    assertThat(ok.headers().firstValue("X-Rate-Limit")).hasValue("5000");
    assertThat(Instant.parse(ok.headers().firstValue("X-Expires-After").orElseThrow())).isAfter(Instant.now());
    assertThat(client.get("/user/login?username=carol&password=c-secret").json())
        .as("a fresh token per login").isNotEqualTo(ok.json());

    assertThat(client.get("/user/login?username=carol&password=wrong").status()).isEqualTo(400);
    assertThat(client.get("/user/login?username=nobody&password=c-secret").status()).isEqualTo(400);
    assertThat(client.get("/user/login?username=carol").status()).isEqualTo(400);
    assertThat(client.get("/user/logout").status()).isEqualTo(200);
  }

  @Test
  void createWithArrayAndWithListCreateAllOrNothing() {
    Reply both = client.postJson("/user/createWithArray", "[{\"username\":\"dan\"},{\"username\":\"eve\"}]");
    assertThat(both.status()).isEqualTo(200);
    assertThat(both.json().get("message").asText()).isEqualTo("created 2 users");
    assertThat(client.get("/user/dan").status()).isEqualTo(200);
    assertThat(client.get("/user/eve").status()).isEqualTo(200);

    Reply clash = client.postJson("/user/createWithList", "[{\"username\":\"frank\"},{\"username\":\"dan\"}]");
    assertThat(clash.status()).isEqualTo(409);
    assertThat(client.get("/user/frank").status()).as("nothing created").isEqualTo(404);

    assertThat(client.postJson("/user/createWithList", "[{\"username\":\"frank\"}]").status()).isEqualTo(200);
    assertThat(client.postJson("/user/createWithList", "{\"username\":\"gina\"}").status()).isEqualTo(400);
  }

  @Test
  void updateUserChangesFieldsAndCanRename() {
    client.postJson("/user", CAROL);

    Reply updated = client.putJson("/user/carol", "{\"lastName\":\"Jones\"}");
    assertThat(updated.status()).isEqualTo(200);
    long id = client.get("/user/carol").json().get("id").asLong();
    assertThat(client.get("/user/carol").json().get("lastName").asText()).isEqualTo("Jones");

    assertThat(client.putJson("/user/carol", "{\"username\":\"caroline\"}").status()).isEqualTo(200);
    assertThat(client.get("/user/carol").status()).isEqualTo(404);
    assertThat(client.get("/user/caroline").json().get("id").asLong()).as("same user").isEqualTo(id);
    assertThat(client.putJson("/user/caroline", "{\"username\":\"alice\"}").status()).isEqualTo(409);
    assertThat(client.putJson("/user/nobody", "{\"lastName\":\"X\"}").status()).isEqualTo(404);
  }

  @Test
  void deleteUserRemovesItOnce() {
    assertThat(client.delete("/user/bob").status()).isEqualTo(200);
    assertThat(client.get("/user/bob").status()).isEqualTo(404);
    assertThat(client.delete("/user/bob").status()).isEqualTo(404);
  }

  @Test
  void percentEncodedUsernamesAreDecoded() {
    client.postJson("/user", "{\"username\":\"a b/c+d\"}");

    assertThat(client.get("/user/a%20b%2Fc+d").status()).isEqualTo(200);
    assertThat(client.get("/user/a%20b%2Fc+d").json().get("username").asText()).isEqualTo("a b/c+d");
  }
}
