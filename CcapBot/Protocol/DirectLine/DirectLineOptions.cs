using System.ComponentModel.DataAnnotations;

namespace CcapBot.Protocol.DirectLine;

/// <summary>
/// The embedded web chat channel (local Direct Line 3.0). On by default only when no bot app id is
/// configured (local development); with an app id it stays off unless a <see cref="Secret"/> is given.
/// The secret comes from a secret store (environment variable <c>DirectLine__Secret</c>, user-secrets,
/// Key Vault), never from appsettings.
/// </summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string SectionName = "DirectLine";

    /// <summary>Explicit switch; null = the default described on the class.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The Direct Line secret: accepted as a bearer wherever Direct Line accepts one, and the root of the
    /// token signing keys, so every instance verifies every other's tokens. Empty = a random key per process.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// This service's public base URL (stamped as the activities' serviceUrl, where the bot's replies go).
    /// Empty = taken from each request's scheme and host, which suits one machine only.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The bot's account on this channel (the recipient of user activities).</summary>
    [Required]
    public string BotId { get; set; } = "ccapbot";

    public string BotName { get; set; } = "CcapBot";

    /// <summary>Lifetime of a Direct Line token (the real service: 30 minutes; clients refresh every 15).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often an open stream looks in the database for activities other instances wrote.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromMilliseconds(750);

    /// <summary>An idle stream sends an empty frame this often, so proxies and clients see it alive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Most activities in one ActivitySet (GET page or stream frame); clients page by watermark.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ServiceUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
            yield return new ValidationResult("DirectLine:ServiceUrl must be an absolute http(s) URL, e.g. https://bot.example.org/.", [nameof(ServiceUrl)]);
        if (Secret is { Length: > 0 and < 32 })
            yield return new ValidationResult("DirectLine:Secret must be at least 32 characters (it is the root of the token signing keys).", [nameof(Secret)]);
    }

    /// <summary>The default rule, for composition before the container exists.</summary>
    public static bool IsEnabled(bool? enabled, string? botAppId, string? secret) =>
        enabled ?? (string.IsNullOrWhiteSpace(botAppId) || !string.IsNullOrWhiteSpace(secret));
}
