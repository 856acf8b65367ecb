namespace CcapBot.Localization;

/// <summary>The languages every prompt and card exists in. English is the fallback.</summary>
public static class Languages
{
    public const string English = "en";
    public const string Vietnamese = "vi";
    public static IReadOnlyList<string> All { get; } = [English, Vietnamese];

    /// <summary>The user's explicit choice wins; otherwise the client locale ("vi-VN" → vi); otherwise English.</summary>
    public static string Resolve(string? choice, string? locale)
    {
        if (Normalize(choice) is { } chosen) return chosen;
        return Normalize(locale) ?? English;
    }

    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Split('-', '_')[0].Trim().ToLowerInvariant();
        return All.Contains(primary) ? primary : null;
    }

    public static string Culture(string language) => language == Vietnamese ? "vi-VN" : "en-US";
}
