using Microsoft.AspNetCore.StaticFiles;

namespace SnapMagic.Web.Extensions;

/// <summary>
/// The content types the page's files need. MediaPipe Hands (wwwroot/dist/mediapipe) fetches its models
/// (.tflite), its graph (.binarypb) and its packed assets (.data) by name; the default provider knows none
/// of them and static files would answer 404.
/// </summary>
public static class PageContentTypes
{
    public static FileExtensionContentTypeProvider Create()
    {
        var provider = new FileExtensionContentTypeProvider();
        foreach (var extension in new[] { ".tflite", ".binarypb", ".data" })
            provider.Mappings[extension] = "application/octet-stream";
        provider.Mappings[".wasm"] = "application/wasm";
        return provider;
    }
}
