using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using CcapBot.Persistence;
using CcapBot.Protocol.Auth;
using CcapBot.Tests.Infrastructure;

namespace CcapBot.Tests.Deployment;

/// <summary>
/// deployment/azure/main.bicep compiled and linted by the real Bicep CLI (from its NuGet package, offline,
/// with Azure's resource type definitions built in), then read as ARM JSON and held against what the
/// service actually binds and serves.
/// </summary>
public sealed class BicepTemplateTests(BicepTemplateTests.Compiled compiled) : IClassFixture<BicepTemplateTests.Compiled>
{
    private static readonly string TemplateFile = Repository.PathOf("deployment", "azure", "main.bicep");

    /// <summary>main.bicep compiled once for the class (the CLI takes seconds per run).</summary>
    public sealed class Compiled : IAsyncLifetime
    {
        private JsonObject? _template;

        public JsonObject Template => _template ?? throw new InvalidOperationException("Not compiled.");

        public async ValueTask InitializeAsync()
        {
            if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64) return;
            var result = await Processes.RunAsync(BicepPath(), ["build", TemplateFile, "--stdout"]);
            Assert.True(result.ExitCode == 0 && result.Error.Length == 0, result.ToString());
            _template = JsonNode.Parse(result.Output)!.AsObject();
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Names App Service or ASP.NET Core read themselves, not an options class of ours.</summary>
    private static readonly HashSet<string> PlatformSettings = ["ASPNETCORE_ENVIRONMENT"];

    private static string BicepPath()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
            Assert.Skip("The Bicep CLI package the tests reference is the linux-x64 one.");
        var path = typeof(BicepTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value;
        Assert.True(File.Exists(path), $"Bicep CLI not found at '{path}' (restored from Azure.Bicep.CommandLine.linux-x64).");
        // A package file carries no execute bit on every NuGet client.
        if (OperatingSystem.IsLinux() && !File.GetUnixFileMode(path!).HasFlag(UnixFileMode.UserExecute))
            File.SetUnixFileMode(path!, File.GetUnixFileMode(path!) | UnixFileMode.UserExecute);
        return path!;
    }

    private JsonObject Template()
    {
        BicepPath(); // skips where the CLI cannot run
        return compiled.Template;
    }

    private static IEnumerable<JsonObject> Resources(JsonObject template) => template["resources"]!.AsArray().Select(r => r!.AsObject());

    private static JsonObject Resource(JsonObject template, string type) => Resources(template).Single(r => r["type"]!.GetValue<string>() == type);

    private static Dictionary<string, string> AppSettings(JsonObject template) =>
        Resource(template, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]!.GetValue<string>());

    [Fact]
    public async Task MainBicep_CompilesAndLints_WithNoDiagnostics()
    {
        var lint = await Processes.RunAsync(BicepPath(), ["lint", TemplateFile]);
        Assert.True(lint.ExitCode == 0 && lint.Output.Length == 0 && lint.Error.Length == 0, lint.ToString());

        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", Template()["$schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task BicepDiagnostics_AreSeen_WhenATemplateIsWrong()
    {
        // Bicep exits 0 on warnings (unknown property, unknown API version), so the test above reads stderr; prove it says something.
        var broken = Path.Combine(Path.GetTempPath(), $"ccapbot-broken-{Guid.NewGuid():N}.bicep");
        var text = await File.ReadAllTextAsync(TemplateFile, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(broken, text.Replace("alwaysOn: true", "alwaysOn: true\n      alwaysOnn: true", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        try
        {
            var lint = await Processes.RunAsync(BicepPath(), ["lint", broken]);
            Assert.Contains("BCP037", lint.Output + lint.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void EveryAppSetting_IsAnOptionPropertyTheServiceBinds()
    {
        var settings = AppSettings(Template());
        var sections = typeof(Program).Assembly.GetTypes()
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .ToDictionary(x => (string)x.Field!.GetRawConstantValue()!, x => x.Type, StringComparer.OrdinalIgnoreCase); // binding ignores case

        Assert.NotEmpty(settings);
        foreach (var name in settings.Keys)
        {
            if (PlatformSettings.Contains(name)) continue;
            var parts = name.Split("__");
            Assert.True(parts.Length == 2, $"{name}: expected Section__Key (App Service turns it into the Section:Key the service reads)");
            if (parts[0] == "ConnectionStrings")
            {
                Assert.Equal("CcapBot", parts[1], ignoreCase: true); // PersistenceExtensions reads GetConnectionString("CcapBot")
                continue;
            }
            Assert.True(sections.TryGetValue(parts[0], out var options), $"{name}: no options class has SectionName \"{parts[0]}\" (known: {string.Join(", ", sections.Keys)})");
            var property = options.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            Assert.True(property is { CanWrite: true }, $"{name}: {options.Name} has no settable property {parts[1]}");
        }
    }

    [Fact]
    public void AppSettings_GiveTheIdentityTheDatabaseAndProduction()
    {
        var template = Template();
        var settings = AppSettings(template);

        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal(nameof(DatabaseProvider.SqlServer), settings["Database__Provider"]);
        Assert.True(Enum.TryParse<DatabaseProvider>(settings["Database__Provider"], out _));
        Assert.Equal("false", settings["Database__MigrateOnStartup"]);
        foreach (var required in new[] { "Bot__AppId", "Bot__AppType", "Bot__TenantId", "Bot__ManagedIdentityClientId", "ConnectionStrings__CcapBot" })
            Assert.True(settings.ContainsKey(required), required);

        // The connection string is a Key Vault reference, never the password itself.
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["ConnectionStrings__CcapBot"], StringComparison.Ordinal);
        Assert.DoesNotContain("sqlAdministratorPassword", settings["ConnectionStrings__CcapBot"], StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(", settings["Bot__AppPassword"], StringComparison.Ordinal);

        // Bot__AppType comes from a parameter whose every allowed value the service understands; multi-tenant is not offered.
        Assert.Equal("[parameters('botAppType')]", settings["Bot__AppType"]);
        var appTypes = template["parameters"]!["botAppType"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.All(appTypes, v => Assert.True(Enum.TryParse<BotAppType>(v, out _), v));
        Assert.DoesNotContain(nameof(BotAppType.MultiTenant), appTypes);
    }

    [Fact]
    public void WebApp_RunsTheServicesRuntime_SecurelyAndAlwaysOn()
    {
        var template = Template();
        var site = Resource(template, "Microsoft.Web/sites")["properties"]!;
        var config = site["siteConfig"]!;
        var targetFramework = System.Xml.Linq.XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("TargetFramework").Single().Value;

        Assert.Equal($"DOTNETCORE|{targetFramework["net".Length..]}", config["linuxFxVersion"]!.GetValue<string>());
        Assert.Equal($"dotnet {typeof(Program).Assembly.GetName().Name}.dll", config["appCommandLine"]!.GetValue<string>()); // what deployment/publish.sh produces
        Assert.True(site["httpsOnly"]!.GetValue<bool>());
        Assert.True(config["alwaysOn"]!.GetValue<bool>());
        Assert.True(config["webSocketsEnabled"]!.GetValue<bool>());
        Assert.Equal("1.2", config["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("linux", Resource(template, "Microsoft.Web/serverfarms")["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task HealthCheckPath_AndBotEndpoint_AreWhatTheServiceServes()
    {
        var template = Template();
        var healthCheckPath = Resource(template, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["healthCheckPath"]!.GetValue<string>();
        var endpoint = Resource(template, "Microsoft.BotService/botServices")["properties"]!["endpoint"]!.GetValue<string>();
        Assert.StartsWith("[format('https://{0}/api/messages'", endpoint, StringComparison.Ordinal);
        Assert.Equal("[reference(resourceId('Microsoft.BotService/botServices', parameters('botName')), '2022-09-15').endpoint]",
            template["outputs"]!["botEndpoint"]!["value"]!.GetValue<string>());

        await using var bot = new CcapBotFactory();
        var client = bot.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(healthCheckPath, TestContext.Current.CancellationToken)).StatusCode);
        var messages = await client.PostAsync("/api/messages", new StringContent("{", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, messages.StatusCode); // routed to the endpoint, which refuses the malformed body
    }

    [Fact]
    public void AzureBot_IsSingleTenantOrManagedIdentity_WithTeamsDirectLineAndWebChat()
    {
        var template = Template();
        var bot = Resource(template, "Microsoft.BotService/botServices");
        var channels = Resources(template)
            .Where(r => r["type"]!.GetValue<string>() == "Microsoft.BotService/botServices/channels")
            .Select(r => r["properties"]!["channelName"]!.GetValue<string>());

        Assert.Equal("azurebot", bot["kind"]!.GetValue<string>());
        Assert.Equal(["DirectLineChannel", "MsTeamsChannel", "WebChatChannel"], channels.Order());

        // The service is configured with exactly the identity the Azure Bot is registered with (same expressions),
        // and the output handed to package.sh for the Teams manifest's botId is that same app id.
        var settings = AppSettings(template);
        var properties = bot["properties"]!;
        Assert.Equal(settings["Bot__AppId"], properties["msaAppId"]!.GetValue<string>());
        Assert.Equal(settings["Bot__AppType"], properties["msaAppType"]!.GetValue<string>());
        Assert.Equal(settings["Bot__TenantId"], properties["msaAppTenantId"]!.GetValue<string>());
        Assert.Equal(settings["Bot__AppId"], template["outputs"]!["botAppId"]!["value"]!.GetValue<string>());
        Assert.Equal("[tenant().tenantId]", template["variables"]!["tenantId"]!.GetValue<string>());
        Assert.Contains("userAssignedIdentities", properties["msaAppMSIResourceId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_AreSecureParameters_AndNeverOutputs()
    {
        var template = Template();
        var parameters = template["parameters"]!.AsObject();

        Assert.Equal("securestring", parameters["sqlAdministratorPassword"]!["type"]!.GetValue<string>());
        Assert.Equal("securestring", parameters["botAppPassword"]!["type"]!.GetValue<string>());
        foreach (var (name, output) in template["outputs"]!.AsObject())
        {
            var text = output!.ToJsonString();
            Assert.DoesNotContain("Password", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
            Assert.NotEqual("securestring", output["type"]!.GetValue<string>());
            Assert.False(name.Contains("connection", StringComparison.OrdinalIgnoreCase), name);
        }
    }

    [Fact]
    public async Task ParametersExample_NamesOnlyTemplateParameters_AndNoSecret()
    {
        var template = Template();
        var declared = template["parameters"]!.AsObject();
        var example = JsonNode.Parse(await File.ReadAllTextAsync(Repository.PathOf("deployment", "azure", "main.parameters.json"), TestContext.Current.CancellationToken))!["parameters"]!.AsObject();

        foreach (var (name, _) in example)
        {
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare");
            Assert.NotEqual("securestring", declared[name]!["type"]!.GetValue<string>());
        }
        // What has no default and is not in the file is exactly what the operator types at deployment time: the secrets.
        var askedAtDeployment = declared.Where(p => p.Value!["defaultValue"] is null && !example.ContainsKey(p.Key)).Select(p => p.Key);
        Assert.Equal(["sqlAdministratorPassword"], askedAtDeployment);
    }
}
