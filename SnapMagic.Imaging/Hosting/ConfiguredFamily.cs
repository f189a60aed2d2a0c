using Microsoft.Extensions.Configuration;

namespace SnapMagic.Imaging.Hosting;

/// <summary>A model family read from a section's <c>Family</c> key: unset is the default, an unknown name stops start-up with the choices.</summary>
internal static class ConfiguredFamily
{
    public static TFamily Read<TFamily>(IConfigurationSection section, TFamily defaultFamily) where TFamily : struct, Enum
    {
        var configured = section["Family"];
        if (string.IsNullOrWhiteSpace(configured))
            return defaultFamily;
        return Enum.TryParse<TFamily>(configured, ignoreCase: true, out var family) && Enum.IsDefined(family)
            ? family
            : throw new InvalidOperationException(
                $"Unknown {section.Path}:Family '{configured}': use {string.Join(", ", Enum.GetNames<TFamily>())}.");
    }
}
