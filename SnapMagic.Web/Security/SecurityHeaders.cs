using SnapMagic.Web.Configuration;

namespace SnapMagic.Web.Security;

/// <summary>
/// Response headers every answer of the Web host carries. The policy lets the page talk only to its own
/// origin and the Api (HTTP and WebSocket), and show images from the Api, data:/blob: URLs and the image bucket's
/// origins (S3 presigned URLs on the AWS backend, <see cref="ImageOrigins"/>), no other host. Gesture rating (issue 23) runs MediaPipe Hands from the Web's own
/// files: compiling its WebAssembly needs 'wasm-unsafe-eval' (not 'unsafe-eval': no JavaScript eval), and the
/// camera is allowed for this origin only, after the attendee's own choice and the browser's permission. A card's
/// animation (issue 22) plays from the same places as its images, less data:/blob: (a video element loads neither), and
/// the spoken feedback (issue 23) may use the microphone, for this origin only and after the attendee's press.
/// </summary>
public sealed class SecurityHeaders(ApiEndpoint api, ImageOrigins images)
{
    public string ContentSecurityPolicy { get; } = string.Join("; ",
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        $"img-src {string.Join(' ', ["'self'", "data:", "blob:", api.Origin, .. images.Origins])}",
        $"media-src {string.Join(' ', ["'self'", api.Origin, .. images.Origins])}",
        $"connect-src 'self' {api.Origin} {api.WebSocketOrigin}",
        "font-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    public void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(self), microphone=(self), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
