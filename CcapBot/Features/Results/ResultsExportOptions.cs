using System.ComponentModel.DataAnnotations;

namespace CcapBot.Features.Results;

/// <summary>
/// The results export for the CCAP knowledge platform (section "ResultsExport"). A coordinator (or the platform,
/// acting as one) authenticates to <c>GET /api/results/export</c> either with an API key in the <c>X-Api-Key</c>
/// header, or with a short-lived link the "export results" command hands out in chat. Keys are configured by
/// their SHA-256 only (the key itself lives with whoever calls), each tied to a coordinator identity: a key whose
/// identity is no longer a coordinator is refused (403), an unknown key too (401).
/// </summary>
public sealed class ResultsExportOptions : IValidatableObject
{
    public const string SectionName = "ResultsExport";

    public IList<ExportKey> Keys { get; set; } = [];

    /// <summary>This service's public address, for the download links given in chat. Empty: DirectLine:ServiceUrl.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a download link from chat works.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Keys[i].Identity))
                yield return new ValidationResult($"ResultsExport:Keys:{i}:Identity is required (the coordinator identity the key acts as).", [nameof(Keys)]);
            if (Keys[i].Sha256 is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigit))
                yield return new ValidationResult($"ResultsExport:Keys:{i}:Sha256 must be the key's SHA-256 as 64 hex digits (never the key itself).", [nameof(Keys)]);
        }
        if (PublicBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
            yield return new ValidationResult("ResultsExport:PublicBaseUrl must be an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
    }
}

public sealed class ExportKey
{
    /// <summary>The coordinator identity (an entry of Coordinators:Identities or a grant) the key acts as.</summary>
    public string Identity { get; set; } = "";

    /// <summary>SHA-256 of the key, hex.</summary>
    public string Sha256 { get; set; } = "";
}
