using System.ComponentModel.DataAnnotations;

namespace CcapBot.Protocol.Auth;

/// <summary>
/// The bot's identity and every Microsoft endpoint it trusts. Defaults are the public cloud; gov and
/// sovereign clouds change the URLs here, never code. The password comes from a secret store
/// (environment, user-secrets, Key Vault), never from appsettings.
/// </summary>
public sealed class BotAuthOptions : IValidatableObject
{
    public const string SectionName = "Bot";

    /// <summary>Microsoft App ID of the Azure Bot. Empty = local development: anonymous requests accepted.</summary>
    public string? AppId { get; set; }

    /// <summary>SingleTenant, MultiTenant or UserAssignedMSI (as the Azure Bot resource says).</summary>
    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;

    public string? TenantId { get; set; }
    public string? AppPassword { get; set; }
    public string? ManagedIdentityClientId { get; set; }

    public string ChannelIssuer { get; set; } = "https://api.botframework.com";
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
    /// <summary>Entra authority host for outbound tokens and single-tenant issuers.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";
    /// <summary>The v1 issuer host for single-tenant/emulator v1 tokens.</summary>
    public string StsHost { get; set; } = "https://sts.windows.net";
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";
    /// <summary>Multi-tenant bots get tokens from this tenant.</summary>
    public string MultiTenantAuthorityTenant { get; set; } = "botframework.com";
    /// <summary>Tenants whose issuers the Emulator uses (public cloud values from the SDK).</summary>
    public IList<string> EmulatorTenants { get; set; } = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];
    /// <summary>Managed identity endpoint (App Service sets IDENTITY_ENDPOINT); overridable for tests.</summary>
    public string? ManagedIdentityEndpoint { get; set; }

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(AppId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!AuthenticationEnabled) yield break;
        if (!Guid.TryParse(AppId, out _))
            yield return new ValidationResult("Bot:AppId must be the Azure Bot's Microsoft App ID (a GUID).", [nameof(AppId)]);
        if (AppType is BotAppType.SingleTenant or BotAppType.UserAssignedMSI && string.IsNullOrWhiteSpace(TenantId))
            yield return new ValidationResult($"Bot:TenantId is required when Bot:AppType is {AppType}.", [nameof(TenantId)]);
        if (AppType is BotAppType.SingleTenant or BotAppType.MultiTenant && string.IsNullOrWhiteSpace(AppPassword))
            yield return new ValidationResult($"Bot:AppPassword (a secret: environment variable Bot__AppPassword, user-secrets or Key Vault) is required when Bot:AppType is {AppType}.", [nameof(AppPassword)]);
        if (AppType == BotAppType.UserAssignedMSI && string.IsNullOrWhiteSpace(ManagedIdentityClientId))
            yield return new ValidationResult("Bot:ManagedIdentityClientId is required when Bot:AppType is UserAssignedMSI.", [nameof(ManagedIdentityClientId)]);
        if (AppType == BotAppType.UserAssignedMSI && !string.IsNullOrWhiteSpace(AppPassword))
            yield return new ValidationResult("Bot:AppPassword must be empty when Bot:AppType is UserAssignedMSI.", [nameof(AppPassword)]);
        (string Name, string? Value)[] urls =
        [
            (nameof(ChannelOpenIdMetadataUrl), ChannelOpenIdMetadataUrl), (nameof(EmulatorOpenIdMetadataUrl), EmulatorOpenIdMetadataUrl),
            (nameof(AuthorityHost), AuthorityHost), (nameof(StsHost), StsHost), (nameof(ManagedIdentityEndpoint), ManagedIdentityEndpoint),
        ];
        foreach (var (name, value) in urls)
        {
            if (string.IsNullOrEmpty(value) && name == nameof(ManagedIdentityEndpoint)) continue;
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                yield return new ValidationResult($"Bot:{name} must be an absolute http(s) URL.", [name]);
        }
    }
}

public enum BotAppType
{
    SingleTenant,
    MultiTenant,
    UserAssignedMSI,
}
