using System.ComponentModel.DataAnnotations;
using CcapBot.Protocol.Auth;

namespace CcapBot.Tests.Protocol.Auth;

public sealed class BotAuthOptionsTests
{
    private static BotAuthOptions Valid() => new()
    {
        AppId = AuthenticatedBot.AppId,
        TenantId = AuthenticatedBot.TenantId,
        AppPassword = AuthenticatedBot.AppPassword,
    };

    private static List<string> Errors(BotAuthOptions options) =>
        [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage ?? "")];

    [Fact]
    public void PublicCloudDefaults_AreValid() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void RelativeMetadataUrl_IsRefusedAtStartUp()
    {
        var options = Valid();
        options.ChannelOpenIdMetadataUrl = "/v1/.well-known/openidconfiguration";

        Assert.Contains("Bot:ChannelOpenIdMetadataUrl must be an absolute http(s) URL.", Errors(options));
    }

    [Fact]
    public void EntraIssuers_CoverTheEmulatorTenantsAndTheBotsTenant_InBothTokenVersions()
    {
        var issuers = BotAuthenticator.EntraIssuers(Valid());

        Assert.Equal(
        [
            "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
            "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
            "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
            "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
            $"https://sts.windows.net/{AuthenticatedBot.TenantId}/",
            $"https://login.microsoftonline.com/{AuthenticatedBot.TenantId}/v2.0",
        ], issuers);
    }
}
