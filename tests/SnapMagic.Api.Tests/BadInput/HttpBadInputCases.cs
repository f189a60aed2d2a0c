using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.Api.Internal;
using SnapMagic.Cards;
using static SnapMagic.Api.Tests.BadInput.HttpCaseContext;

namespace SnapMagic.Api.Tests.BadInput;

/// <summary>How a case is answered: a ProblemDetails from the Api, or Kestrel's own empty 4xx before the Api runs at all.</summary>
public enum Answer
{
    Problem,
    /// <summary>Kestrel refuses the request while parsing it (header and URL limits, bytes HTTP forbids): no app code runs, so no ProblemDetails.</summary>
    KestrelRefusal,
    /// <summary>
    /// A byte range past the end of a file: the framework's file result answers 416 with <c>Content-Range: bytes */length</c>
    /// and no body (RFC 9110, 15.5.17), which a video element understands; no ProblemDetails.
    /// </summary>
    RangeRefusal,
}

public sealed record HttpCase(string Name, Func<HttpCaseContext, Task<CaseResponse>> Send, int MinStatus, int MaxStatus, Answer Answer = Answer.Problem);

/// <summary>The bad-input catalogue over HTTP (issue 6): case, request, the 4xx it must get.</summary>
public static class HttpBadInputCases
{
    private const string Ok = """{"prompt":"A dragon in a party hat"}""";

    public static readonly IReadOnlyList<HttpCase> All =
    [
        // Prompts: the rule is 10-1024 characters after trimming, no control characters.
        Case("prompt empty", c => c.PostCardJson("""{"prompt":""}"""), 400),
        Case("prompt too short", c => c.PostCardJson("""{"prompt":"short"}"""), 400),
        Case("prompt too long", c => c.PostCardJson($$"""{"prompt":"{{new string('x', PromptRules.MaxLength + 1)}}"}"""), 400),
        Case("prompt of ASCII whitespace only", c => c.PostCardJson("""{"prompt":" \t\r\n        \t\t\n   "}"""), 400),
        Case("prompt of Unicode spaces only", c => c.PostCardJson("""{"prompt":"\u00a0\u2003\u3000\u2028\u00a0\u2003\u3000\u2028\u00a0\u2003\u3000"}"""), 400),
        Case("prompt with a NUL", c => c.PostCardJson("""{"prompt":"A dragon \u0000 with a null byte"}"""), 400),
        Case("prompt with an ANSI escape", c => c.PostCardJson("""{"prompt":"A dragon \u001b[31m in red"}"""), 400),
        Case("prompt with a C1 control", c => c.PostCardJson("""{"prompt":"A dragon \u009b2J wiping the screen"}"""), 400),
        Case("prompt with a lone surrogate", c => c.PostCardJson("""{"prompt":"A dragon \ud800 half an emoji"}"""), 400),
        Case("prompt null", c => c.PostCardJson("""{"prompt":null}"""), 400),
        Case("prompt missing", c => c.PostCardJson("{}"), 400),
        Case("prompt a number", c => c.PostCardJson("""{"prompt":42}"""), 400),
        Case("prompt an array", c => c.PostCardJson("""{"prompt":["A dragon in a party hat"]}"""), 400),

        // Bodies.
        Case("body invalid JSON", c => c.PostCardJson("""{"prompt":"A dragon in a party hat" """), 400),
        Case("body a JSON array", c => c.PostCardJson($"[{Ok}]"), 400),
        Case("body JSON null", c => c.PostCardJson("null"), 400),
        Case("body with trailing garbage", c => c.PostCardJson(Ok + " and more"), 400),
        Case("body nested 1000 deep", c => c.PostCardJson($$"""{"prompt":"A dragon in a party hat","x":{{new string('[', 1000)}}{{new string(']', 1000)}}}"""), 400),
        Case("body not UTF-8", c => c.PostCard(Bytes([.. "{\"prompt\":\"A dragon "u8, 0xC3, 0x28, 0xFF, .. " in a hat\"}"u8], "application/json")), 400),
        Case("body UTF-16", c => c.PostCard(new StringContent(Ok, Encoding.Unicode, "application/json")), 400),
        Case("body gzip-encoded", c => c.PostCard(Gzipped(Ok)), 400),
        Case("body JSON but labelled text/plain", c => c.PostCard(new StringContent(Ok, Encoding.UTF8, "text/plain")), 415),
        Case("body form-urlencoded", c => c.PostCard(new FormUrlEncodedContent([new("prompt", "A dragon in a party hat")])), 415),
        Case("body multipart", c => c.PostCard(new MultipartFormDataContent { { new StringContent("A dragon in a party hat"), "prompt" } }), 415),
        Case("body without a content type", c => c.PostCard(Bytes(Encoding.UTF8.GetBytes(Ok), null)), 415),
        Case("content type malformed", c => c.Raw($"POST /api/cards HTTP/1.1\r\n{c.Bearer}Content-Type: application/json;;;=\r\n", Encoding.UTF8.GetBytes(Ok)), 415),
        Case("body missing", c => c.PostCard(null), 415),
        Case("body empty, labelled JSON", c => c.PostCardJson(""), 400),
        Case("body huge with a Content-Length", c => c.PostCardJson(HugeJson()), 413),
        Case("body huge and chunked", c => c.PostCard(Bytes(Encoding.UTF8.GetBytes(HugeJson()), "application/json"), r => r.Headers.TransferEncodingChunked = true), 413),
        Case("body just past the JSON cap", c => c.PostCardJson($$"""{"prompt":"A dragon","pad":"{{new string('p', 16 * 1024)}}"}"""), 413),

        // Tokens.
        Case("token missing", c => c.GetWithToken("/api/cards", null), 401),
        Case("token empty", c => c.Send(HttpMethod.Get, "/api/cards", null, null, r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer ")), 401),
        Case("token in Basic scheme", c => c.Send(HttpMethod.Get, "/api/cards", null, null, r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", "ZGVtbzpkZW1v")), 401),
        Case("token garbage", c => c.GetWithToken("/api/cards", TokenMint.Refused("garbage")), 401),
        Case("token forged with another key", c => c.GetWithToken("/api/cards", TokenMint.Refused("wrong key")), 401),
        Case("token expired", c => c.GetWithToken("/api/cards", TokenMint.Refused("expired")), 401),
        Case("token alg none", c => c.GetWithToken("/api/cards", TokenMint.Refused("alg none")), 401),
        Case("token wrong issuer", c => c.GetWithToken("/api/cards", TokenMint.Refused("wrong issuer")), 401),
        Case("token wrong audience", c => c.GetWithToken("/api/cards", TokenMint.Refused("wrong audience")), 401),
        Case("token without a session id", c => c.GetWithToken("/api/cards", TokenMint.WithoutSessionId()), 401),
        Case("token not valid yet", c => c.GetWithToken("/api/cards", TokenMint.NotYetValid()), 401),
        Case("token signed HS384", c => c.GetWithToken("/api/cards", TokenMint.OtherAlgorithm()), 401),
        Case("token shaped like a JWE", c => c.GetWithToken("/api/cards", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aGVsbG8.d29ybGQ.dGFn"), 401),
        Case("token 20 KB long", c => c.GetWithToken("/api/cards", c.Token + new string('A', 20 * 1024)), 401),
        Case("token in the query of a non-hub path", c => c.GetAnonymous($"/api/cards?access_token={c.Token}"), 401),
        Case("token twice in one Authorization header", c => c.Send(HttpMethod.Get, "/api/cards", null, null, r => r.Headers.TryAddWithoutValidation("Authorization", $"Bearer {c.Token}, Bearer {c.Token}")), 401),
        Case("token in a Bearer header without the space", c => c.Send(HttpMethod.Get, "/api/cards", null, null, r => r.Headers.TryAddWithoutValidation("Authorization", $"Bearer{c.Token}")), 401),
        Case("token for a card submit, missing", c => c.Send(HttpMethod.Post, "/api/cards", Json(Ok), null), 401),

        // Card ids.
        Case("id of another session's card", c => c.Get($"/api/cards/{c.Server.OtherSessionsCard}"), 404),
        Case("id unknown", c => c.Get($"/api/cards/{CorrelationIds.New()}"), 404),
        Case("id in upper case", c => c.Get($"/api/cards/{c.Server.OtherSessionsCard.ToUpperInvariant()}"), 404),
        Case("id malformed", c => c.Get("/api/cards/not-an-id"), 404),
        Case("id with encoded path traversal", c => c.Get("/api/cards/..%2F..%2F..%2Fetc%2Fpasswd"), 404),
        Case("id with dot segments", c => c.Raw($"GET /api/cards/../../../etc/passwd HTTP/1.1\r\n{c.Bearer}"), 404),
        Case("id with backslash traversal", c => c.Get("/api/cards/..%5C..%5Cwindows%5Cwin.ini"), 404),
        Case("id with an encoded NUL", c => c.Get("/api/cards/abc%00def"), 400, 400, Answer.KestrelRefusal),
        Case("id 4000 characters", c => c.Get($"/api/cards/{new string('a', 4000)}"), 404),
        Case("image of another session's card", c => c.Get($"/api/cards/{c.Server.SignedImageCard}/image"), 404),
        Case("image of a traversal id", c => c.Get("/api/cards/..%2F..%2Fappsettings.json/image"), 404),

        // Signed image links.
        Case("image link without credentials", c => c.GetAnonymous($"/api/cards/{c.Server.SignedImageCard}/image"), 401),
        Case("image link with a forged signature", c => c.GetAnonymous(SpoilSignature(c.Server.SignedImageLink)), 403),
        Case("image link with a moved expiry", c => c.GetAnonymous(MoveExpiry(c.Server.SignedImageLink, 3600)), 403),
        Case("image link expired", c => c.GetAnonymous(ExpiredLink(c.Server.SignedImageCard)), 403),
        Case("image link with the expiry moved back", c => c.GetAnonymous(MoveExpiry(c.Server.SignedImageLink, -10 * 3600)), 403),
        Case("image link with a non-numeric expiry", c => c.GetAnonymous(ReplaceExpiry(c.Server.SignedImageLink, "tomorrow")), 403),
        Case("image link with an overflowing expiry", c => c.GetAnonymous(ReplaceExpiry(c.Server.SignedImageLink, "99999999999999999999999")), 403),
        Case("image link without an expiry", c => c.GetAnonymous($"/api/cards/{c.Server.SignedImageCard}/image?sig=abc"), 403),
        Case("image link with two signatures", c => c.GetAnonymous(c.Server.SignedImageLink + "&sig=AAAA"), 403),
        Case("image link of another card", c => c.GetAnonymous(c.Server.SignedImageLink.Replace(c.Server.SignedImageCard, c.Server.OtherSessionsCard)), 403),
        Case("image link on a traversal id", c => c.GetAnonymous(c.Server.SignedImageLink.Replace(c.Server.SignedImageCard, "..%2F..%2Fcards.db")), 403),

        // Idempotency-Key.
        Case("Idempotency-Key empty", c => c.PostCardWithKey(""), 400),
        Case("Idempotency-Key with spaces", c => c.PostCardWithKey("has a space"), 400),
        Case("Idempotency-Key too long", c => c.PostCardWithKey(new string('k', IdempotencyKeys.MaxLength + 1)), 400),
        Case("Idempotency-Key sent twice", c => c.PostCardWithKey("first", "second"), 400),
        Case("Idempotency-Key with a control character", c => c.PostCardWithKey("key\u0001one"), 400),
        Case("Idempotency-Key reused with another prompt", async c =>
        {
            await c.PostCardWithKey("reused-key");
            return await c.PostCard(Json("""{"prompt":"A different dragon, same key"}"""), r => r.Headers.Add("Idempotency-Key", "reused-key"));
        }, 422),
        Case("card past the cards from one address", c => PastALimit(("Cards:PerAddressPerMinute", "1"), TwoCardsAsync), 429),
        Case("card past the event's budget a minute", c => PastALimit(("Cards:EventPerMinute", "1"), TwoCardsAsync), 429),
        Case("card past the event's budget a day", c => PastALimit(("Cards:EventPerDay", "1"), TwoCardsAsync), 429),
        Case("Idempotency-Key in raw UTF-8", c => c.Raw($"POST /api/cards HTTP/1.1\r\n{c.Bearer}Content-Type: application/json\r\nIdempotency-Key: ünïcödé\r\n", Encoding.UTF8.GetBytes(Ok)), 400),

        // Headers and URLs past Kestrel's limits.
        Case("header of 64 KB", c => c.Send(HttpMethod.Get, "/api/cards", null, c.Token, r => r.Headers.TryAddWithoutValidation("X-Padding", new string('h', 64 * 1024))), 431, 431, Answer.KestrelRefusal),
        Case("200 headers", c => c.Send(HttpMethod.Get, "/api/cards", null, c.Token, r =>
        {
            for (var i = 0; i < 200; i++)
                r.Headers.TryAddWithoutValidation($"X-Header-{i}", "value");
        }), 431, 431, Answer.KestrelRefusal),
        Case("URL of 20 KB", c => c.Get($"/api/cards/{new string('a', 20 * 1024)}"), 414, 414, Answer.KestrelRefusal),
        Case("header with a raw NUL", c => c.Raw($"GET /api/cards HTTP/1.1\r\n{c.Bearer}X-Evil: a\0b\r\n"), 400, 400, Answer.KestrelRefusal),

        // Internal push endpoint (worker -> Api).
        Case("internal key missing", c => c.Internal(c.Server.OtherSessionsCard, null), 401),
        Case("internal key wrong", c => c.Internal(c.Server.OtherSessionsCard, InternalOptions.DevelopmentApiKey + "x"), 401),
        Case("internal key empty", c => c.Internal(c.Server.OtherSessionsCard, ""), 401),
        Case("internal key 16 KB", c => c.Internal(c.Server.OtherSessionsCard, new string('k', 16 * 1024)), 401),
        Case("internal key is a session token", c => c.Send(HttpMethod.Post, $"/internal/cards/{c.Server.OtherSessionsCard}/changed", null, c.Token), 401),
        Case("internal call with a traversal id", c => c.Internal("..%2F..%2Fcards.db", InternalOptions.DevelopmentApiKey), 404),
        Case("internal call with an unknown id", c => c.Internal(CorrelationIds.New(), InternalOptions.DevelopmentApiKey), 404),
        Case("internal call with GET", c => c.Internal(c.Server.OtherSessionsCard, InternalOptions.DevelopmentApiKey, HttpMethod.Get), 405),
        Case("internal call with an unknown card status", c => c.Internal(c.Server.OtherSessionsCard, InternalOptions.DevelopmentApiKey, query: "?status=painted"), 400),
        Case("internal call with an unknown animation status", c => c.Internal(c.Server.SignedImageCard, InternalOptions.DevelopmentApiKey, query: "?status=completed&animation=dancing"), 400),
        Case("internal feedback notice without a key", c => c.Internal(c.Server.OtherSessionsFeedback, null, kind: "feedback"), 401),
        Case("internal feedback notice with a wrong key", c => c.Internal(c.Server.OtherSessionsFeedback, InternalOptions.DevelopmentApiKey + "x", kind: "feedback"), 401),
        Case("internal feedback notice with an unknown id", c => c.Internal(CorrelationIds.New(), InternalOptions.DevelopmentApiKey, kind: "feedback"), 404),
        Case("internal feedback notice with a traversal id", c => c.Internal("..%2F..%2Fjobs.db", InternalOptions.DevelopmentApiKey, kind: "feedback"), 404),
        Case("internal feedback notice with an unknown status", c => c.Internal(c.Server.OtherSessionsFeedback, InternalOptions.DevelopmentApiKey, kind: "feedback", query: "?status=heard"), 400),
        Case("internal feedback notice with GET", c => c.Internal(c.Server.OtherSessionsFeedback, InternalOptions.DevelopmentApiKey, HttpMethod.Get, kind: "feedback"), 405),

        // Login.
        Case("login wrong password", c => c.Login(Json("""{"username":"demo","password":"nope"}""")), 401),
        Case("login empty object", c => c.Login(Json("{}")), 401),
        Case("login nulls", c => c.Login(Json("""{"username":null,"password":null}""")), 401),
        Case("login username a number", c => c.Login(Json("""{"username":42,"password":"demo"}""")), 400),
        Case("login invalid JSON", c => c.Login(Json("""{"username":"demo","password":""")), 400),
        Case("login body missing", c => c.Login(null), 415),
        Case("login form-urlencoded", c => c.Login(new FormUrlEncodedContent([new("username", "demo"), new("password", "demo")])), 415),
        Case("login huge body", c => c.Login(Json($$"""{"username":"demo","password":"{{new string('p', 100 * 1024)}}"}""")), 413),
        Case("login past the failures for one user name", async c =>
        {
            var username = $"guesser-{Guid.NewGuid():N}";
            for (var i = 0; i < new Auth.LoginThrottleOptions().FailuresPerUsernamePerMinute; i++)
                await c.Login(Json($$"""{"username":"{{username}}","password":"guess-{{i}}"}"""));
            return await c.Login(Json($$"""{"username":"{{username}}","password":"one more guess"}"""));
        }, 429),
        Case("login past the failures from one address", c => PastALimit(("Login:FailuresPerAddressPerMinute", "1"), async client =>
        {
            await client.PostAsync("/api/auth/login", Json("""{"username":"demo","password":"wrong"}"""));
            return await client.PostAsync("/api/auth/login", Json("""{"username":"organizer","password":"wrong"}"""));
        }), 429),
        Case("login password with control characters", c => c.Login(Json("""{"username":"demo","password":"demo\u0000\u001b"}""")), 401),

        // Ratings (PUT /api/cards/{id}/rating): the owner of a completed card, with a bad body; or not the owner.
        Case("rating neither up nor down", c => c.RateOwnCard(Json("""{"rating":"sideways"}""")), 400),
        Case("rating in upper case", c => c.RateOwnCard(Json("""{"rating":"UP"}""")), 400),
        Case("rating empty", c => c.RateOwnCard(Json("""{"rating":""}""")), 400),
        Case("rating null", c => c.RateOwnCard(Json("""{"rating":null}""")), 400),
        Case("rating missing", c => c.RateOwnCard(Json("{}")), 400),
        Case("rating a number", c => c.RateOwnCard(Json("""{"rating":1}""")), 400),
        Case("rating an array", c => c.RateOwnCard(Json("""{"rating":["up"]}""")), 400),
        Case("rating with a NUL", c => c.RateOwnCard(Json("""{"rating":"up\u0000"}""")), 400),
        Case("rating body invalid JSON", c => c.RateOwnCard(Json("""{"rating":"up" """)), 400),
        Case("rating body empty, labelled JSON", c => c.RateOwnCard(Json("")), 400),
        Case("rating body form-urlencoded", c => c.RateOwnCard(new FormUrlEncodedContent([new("rating", "up")])), 415),
        Case("rating body missing", c => c.RateOwnCard(null), 415),
        Case("rating body huge", c => c.RateOwnCard(Json($$"""{"rating":"up","pad":"{{new string('p', 100 * 1024)}}"}""")), 413),
        Case("rating of another session's card", c => c.Send(HttpMethod.Put, $"/api/cards/{c.Server.SignedImageCard}/rating", Json("""{"rating":"up"}"""), c.Token), 404),
        Case("rating of an unknown card", c => c.Send(HttpMethod.Put, $"/api/cards/{CorrelationIds.New()}/rating", Json("""{"rating":"up"}"""), c.Token), 404),
        Case("rating of a traversal id", c => c.Send(HttpMethod.Put, "/api/cards/..%2F..%2Fjobs.db/rating", Json("""{"rating":"up"}"""), c.Token), 404),
        Case("rating without a token", c => c.Send(HttpMethod.Put, $"/api/cards/{c.Server.SignedImageCard}/rating", Json("""{"rating":"up"}"""), null), 401),
        Case("rating with POST", c => c.Send(HttpMethod.Post, $"/api/cards/{c.Server.SignedImageCard}/rating", Json("""{"rating":"up"}"""), c.Token), 405),
        Case("rating source unknown", c => c.RateOwnCard(Json("""{"rating":"up","source":"hand"}""")), 400),
        Case("rating source in upper case", c => c.RateOwnCard(Json("""{"rating":"up","source":"GESTURE"}""")), 400),
        Case("rating source empty", c => c.RateOwnCard(Json("""{"rating":"up","source":""}""")), 400),
        Case("rating source a number", c => c.RateOwnCard(Json("""{"rating":"up","source":1}""")), 400),

        // Animations (POST /api/cards/{id}/animation): the owner's finished card only, within the limits.
        Case("animation of another session's card", c => c.Animate(c.Server.SignedImageCard), 404),
        Case("animation of an unknown card", c => c.Animate(CorrelationIds.New()), 404),
        Case("animation of a malformed id", c => c.Animate("not-an-id"), 404),
        Case("animation of a traversal id", c => c.Animate("..%2F..%2Fjobs.db"), 404),
        Case("animation of a card not finished", async c => await c.Animate(await c.OwnQueuedCardAsync()), 409),
        Case("animation without a token", c => c.Send(HttpMethod.Post, $"/api/cards/{c.Server.SignedImageCard}/animation", null, null), 401),
        Case("animation with an expired token", c => c.Send(HttpMethod.Post, $"/api/cards/{c.Server.SignedImageCard}/animation", null, TokenMint.Refused("expired")), 401),
        Case("animation with PUT", c => c.Send(HttpMethod.Put, $"/api/cards/{c.Server.SignedImageCard}/animation", null, c.Token), 405),
        Case("animation past the session's animations", c => PastAnAnimationLimit(("Animations:PerSession", "1")), 429),
        Case("animation past the event's budget an hour", c => PastAnAnimationLimit(("Animations:EventPerHour", "1")), 429),
        Case("animation past the event's budget a day", c => PastAnAnimationLimit(("Animations:EventPerDay", "1")), 429),

        // Animation videos: the signed videoUrl, or the owner's token.
        Case("video without credentials", c => c.GetAnonymous($"/api/cards/{c.Server.SignedImageCard}/animation/video"), 401),
        Case("video of another session's card", c => c.Get($"/api/cards/{c.Server.SignedImageCard}/animation/video"), 404),
        Case("video of a card without an animation", c => c.Get($"/api/cards/{c.Server.OtherSessionsCard}/animation/video"), 404),
        Case("video link with a forged signature", c => c.GetAnonymous(SpoilSignature(c.Server.SignedVideoLink)), 403),
        Case("video link with a moved expiry", c => c.GetAnonymous(MoveExpiry(c.Server.SignedVideoLink, 3600)), 403),
        Case("video link with an image's signature", c => c.GetAnonymous($"/api/cards/{c.Server.SignedImageCard}/animation/video{new Uri("http://x" + c.Server.SignedImageLink).Query}"), 403),
        Case("image link with a video's signature", c => c.GetAnonymous($"/api/cards/{c.Server.SignedImageCard}/image{new Uri("http://x" + c.Server.SignedVideoLink).Query}"), 403),
        Case("video link of another card", c => c.GetAnonymous(c.Server.SignedVideoLink.Replace(c.Server.SignedImageCard, c.Server.OtherSessionsCard)), 403),
        Case("video link on a traversal id", c => c.GetAnonymous(c.Server.SignedVideoLink.Replace(c.Server.SignedImageCard, "..%2F..%2Fjobs.db")), 403),
        Case("video range past its end", c => c.GetAnonymous(c.Server.SignedVideoLink, r => r.Headers.Range = new RangeHeaderValue(1_000_000, 2_000_000)), 416, 416, Answer.RangeRefusal),

        // Feedback (POST /api/feedback): a recording that is what it says, or a typed answer, within the limits.
        Case("feedback as audio/ogg", c => c.PostFeedback(Bytes("OggS\0\u0002"u8.ToArray(), "audio/ogg")), 415),
        Case("feedback as text/plain", c => c.PostFeedback(new StringContent("I loved it", Encoding.UTF8, "text/plain")), 415),
        Case("feedback as multipart", c => c.PostFeedback(new MultipartFormDataContent { { new ByteArrayContent(Feedback.TestRecordings.Webm), "audio", "a.webm" } }), 415),
        Case("feedback without a content type", c => c.PostFeedback(Bytes(Feedback.TestRecordings.Webm, null)), 415),
        Case("feedback webm labelled wav", c => c.PostFeedback(Bytes(Feedback.TestRecordings.Webm, "audio/wav")), 400),
        Case("feedback wav labelled webm", c => c.PostFeedback(Bytes(Feedback.TestRecordings.Wav(), "audio/webm")), 400),
        Case("feedback Matroska labelled webm", c => c.PostFeedback(Bytes(Feedback.TestRecordings.Matroska, "audio/webm")), 400),
        Case("feedback random bytes labelled webm", c => c.PostFeedback(Bytes([.. Enumerable.Range(0, 512).Select(i => (byte)(i * 7))], "audio/webm")), 400),
        Case("feedback a script labelled wav", c => c.PostFeedback(Bytes(Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "audio/wav")), 400),
        Case("feedback empty recording", c => c.PostFeedback(Bytes([], "audio/webm")), 400),
        Case("feedback recording past the size cap", c => c.PostFeedback(Bytes([.. Feedback.TestRecordings.Webm, .. new byte[Contracts.FeedbackLimits.MaxRecordingBytes]], "audio/webm")), 413),
        Case("feedback recording chunked past the size cap", c => c.PostFeedback(Bytes([.. Feedback.TestRecordings.Wav(), .. new byte[Contracts.FeedbackLimits.MaxRecordingBytes]], "audio/wav"), r => r.Headers.TransferEncodingChunked = true), 413),
        Case("feedback typed too short", c => c.PostFeedback(Json("""{"text":"x"}""")), 400),
        Case("feedback typed too long", c => c.PostFeedback(Json($$"""{"text":"{{new string('a', Contracts.FeedbackLimits.MaxTextLength + 1)}}"}""")), 400),
        Case("feedback typed whitespace only", c => c.PostFeedback(Json("""{"text":" \t\n   "}""")), 400),
        Case("feedback typed with an ANSI escape", c => c.PostFeedback(Json("""{"text":"great \u001b[31m booth"}""")), 400),
        Case("feedback typed a number", c => c.PostFeedback(Json("""{"text":5}""")), 400),
        Case("feedback typed missing", c => c.PostFeedback(Json("{}")), 400),
        Case("feedback typed invalid JSON", c => c.PostFeedback(Json("""{"text":"great" """)), 400),
        Case("feedback typed body past the JSON cap", c => c.PostFeedback(Json($$"""{"text":"ok","pad":"{{new string('p', 20 * 1024)}}"}""")), 413),
        Case("feedback without a token", c => c.Send(HttpMethod.Post, "/api/feedback", Json("""{"text":"great booth"}"""), null), 401),
        Case("feedback with a forged token", c => c.Send(HttpMethod.Post, "/api/feedback", Json("""{"text":"great booth"}"""), TokenMint.Refused("wrong key")), 401),
        Case("feedback past the session's answers", c => PastALimit(("Feedback:PerSession", "1"), TwoAnswersAsync), 429),
        Case("feedback past the event's answers an hour", c => PastALimit(("Feedback:EventPerHour", "1"), TwoAnswersAsync), 429),
        Case("feedback of another session", c => c.Get($"/api/feedback/{c.Server.OtherSessionsFeedback}"), 404),
        Case("feedback unknown id", c => c.Get($"/api/feedback/{CorrelationIds.New()}"), 404),
        Case("feedback traversal id", c => c.Get("/api/feedback/..%2F..%2Fjobs.db"), 404),
        Case("feedback of a card's id", c => c.Get($"/api/feedback/{c.Server.OtherSessionsCard}"), 404),
        Case("feedback read without a token", c => c.GetAnonymous($"/api/feedback/{c.Server.OtherSessionsFeedback}"), 401),
        Case("feedback with PUT", c => c.Send(HttpMethod.Put, "/api/feedback", Json("""{"text":"great booth"}"""), c.Token), 405),
        Case("feedback DELETE", c => c.Send(HttpMethod.Delete, $"/api/feedback/{c.Server.OtherSessionsFeedback}", null, c.Token), 405),

        // Organizer endpoints: attendee tokens are not enough.
        Case("organizer summary with an attendee token", c => c.Get("/api/organizer/summary"), 403),
        Case("organizer CSV with an attendee token", c => c.Get("/api/organizer/cards.csv"), 403),
        Case("organizer CSV without a token", c => c.GetAnonymous("/api/organizer/cards.csv"), 401),
        Case("organizer feedback CSV with an attendee token", c => c.Get("/api/organizer/feedback.csv"), 403),
        Case("organizer feedback CSV without a token", c => c.GetAnonymous("/api/organizer/feedback.csv"), 401),
        Case("organizer login with the wrong password", c => c.Login(Json("""{"username":"organizer","password":"nope"}""")), 401),

        // Routes and methods.
        Case("unknown route", c => c.Get("/api/nothing-here"), 404),
        Case("PUT on the card list", c => c.Send(HttpMethod.Put, "/api/cards", Json(Ok), c.Token), 405),
        Case("DELETE on a card", c => c.Send(HttpMethod.Delete, $"/api/cards/{c.Server.SignedImageCard}", null, c.Token), 405),
        Case("hub negotiate without a token", c => c.Send(HttpMethod.Post, "/hubs/cards/negotiate?negotiateVersion=1", null, null), 401),
        Case("hub negotiate with an expired token", c => c.Send(HttpMethod.Post, "/hubs/cards/negotiate?negotiateVersion=1", null, TokenMint.Refused("expired")), 401),
        Case("hub negotiate with a garbage access_token", c => c.Send(HttpMethod.Post, $"/hubs/cards/negotiate?negotiateVersion=1&access_token={TokenMint.Refused("garbage")}", null, null), 401),
        Case("hub negotiate with an alg-none access_token", c => c.Send(HttpMethod.Post, $"/hubs/cards/negotiate?negotiateVersion=1&access_token={TokenMint.Refused("alg none")}", null, null), 401),
        Case("hub negotiate with an access_token without a session id", c => c.Send(HttpMethod.Post, $"/hubs/cards/negotiate?negotiateVersion=1&access_token={TokenMint.WithoutSessionId()}", null, null), 401),
    ];

    public static TheoryData<string> Names() => [.. All.Select(c => c.Name)];

    public static HttpCase Named(string name) => All.Single(c => c.Name == name);

    private static HttpCase Case(string name, Func<HttpCaseContext, Task<CaseResponse>> send, int status) => new(name, send, status, status);

    private static HttpCase Case(string name, Func<HttpCaseContext, Task<CaseResponse>> send, int min, int max, Answer answer = Answer.Problem) =>
        new(name, send, min, max, answer);

    /// <summary>The limits per address and the event's budget are off on the catalogue's server: these cases get an Api of their own.</summary>
    private static async Task<CaseResponse> PastALimit((string Key, string Value) setting, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        using var limited = new Limits.LimitsFactory(setting);
        var (client, _) = await limited.NewSessionAsync();
        using (client)
        using (var response = await send(client))
            return await CaseResponse.FromAsync(response);
    }

    /// <summary>Two finished cards of one session on an Api of its own with <paramref name="setting"/>: the second's animation is refused.</summary>
    private static async Task<CaseResponse> PastAnAnimationLimit((string Key, string Value) setting)
    {
        using var limited = new Limits.LimitsFactory(setting);
        var (client, login) = await limited.NewSessionAsync();
        using (client)
        {
            var ids = new List<string>();
            foreach (var prompt in new[] { "The first card to animate", "The second card to animate" })
            {
                var card = await client.SubmitCardAsync(prompt);
                await limited.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
                ids.Add(card.CorrelationId);
            }
            (await client.PostAsync($"/api/cards/{ids[0]}/animation", null)).Dispose();
            using var response = await client.PostAsync($"/api/cards/{ids[1]}/animation", null);
            return await CaseResponse.FromAsync(response);
        }
    }

    private static async Task<HttpResponseMessage> TwoAnswersAsync(HttpClient client)
    {
        (await client.PostAsync("/api/feedback", Json("""{"text":"The first answer"}"""))).Dispose();
        return await client.PostAsync("/api/feedback", Json("""{"text":"The second answer"}"""));
    }

    private static async Task<HttpResponseMessage> TwoCardsAsync(HttpClient client)
    {
        (await client.PostAsync("/api/cards", Json(Ok))).Dispose();
        return await client.PostAsync("/api/cards", Json("""{"prompt":"A second dragon in a party hat"}"""));
    }

    private static string HugeJson() => $$"""{"prompt":"{{new string('x', 1024 * 1024)}}"}""";

    private static HttpContent Gzipped(string json)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(json));
        var content = Bytes(compressed.ToArray(), "application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    /// <summary>A link signed with the real key when the clock read three hours ago, so it expired about two hours ago.</summary>
    private static string ExpiredLink(string correlationId) =>
        new ImageLinks(Options.Create(new JwtOptions { SigningKey = JwtOptions.DevelopmentSigningKey }), new ClockHoursAgo(3)).PathAndQuery(correlationId);

    private sealed class ClockHoursAgo(int hours) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddHours(-hours);
    }

    private static string SpoilSignature(string link)
    {
        var at = link.IndexOf("sig=", StringComparison.Ordinal) + "sig=".Length;
        return link[..at] + (link[at] == 'A' ? 'B' : 'A') + link[(at + 1)..];
    }

    private static string MoveExpiry(string link, long seconds)
    {
        var expires = long.Parse(ExpiryOf(link), System.Globalization.CultureInfo.InvariantCulture);
        return ReplaceExpiry(link, (expires + seconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string ReplaceExpiry(string link, string expires) => link.Replace($"expires={ExpiryOf(link)}", $"expires={expires}");

    private static string ExpiryOf(string link) => System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["expires"]!;
}
