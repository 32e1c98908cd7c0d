package dev.openapi2mcp.runtime.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts obtained bearer tokens on requests tagged with an {@link UpstreamToken} (issue 5), and renews a token the API
 * refuses: on a 401 the token is dropped and the request is sent once more with a new one, unless the source gives
 * the same token again or the body cannot be sent twice. A token that cannot be obtained fails the call with the
 * source's {@link dev.openapi2mcp.runtime.credentials.TokenRequestException}, before anything reaches the API.
 */
final class UpstreamTokenInterceptor implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    UpstreamToken tag = request.tag(UpstreamToken.class);
    if (tag == null) {
      return chain.proceed(request);
    }
    String token = tag.source().token();
    Response response = chain.proceed(withToken(request, token));
    if (response.code() != 401 || (request.body() != null && request.body().isOneShot())) {
      return response;
    }
    tag.source().refused(token);
    String renewed = tag.source().token();
    if (renewed.equals(token)) {
      return response;
    }
    response.close();
    return chain.proceed(withToken(request, renewed));
  }

  private static Request withToken(Request request, String token) {
    return request.newBuilder().header("Authorization", "Bearer " + token).build();
  }
}
