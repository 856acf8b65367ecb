using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CcapBot.Tests.Deployment;

/// <summary>
/// The Teams app package as an operator builds it (deployment/teams/package.sh), checked against
/// Microsoft's manifest and localization schemas (offline, from the pinned npm package) and against
/// what Teams asks of the icons.
/// </summary>
public sealed class TeamsPackageTests : IDisposable
{
    private const string BotAppId = "6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e";
    private const string Domain = "ccapbot-abc123.azurewebsites.net";
    private static readonly string[] ExpectedFiles = ["manifest.json", "color.png", "outline.png", "en.json", "vi.json"];
    private static readonly string TeamsFolder = Repository.PathOf("deployment", "teams");

    private readonly string _work = Directory.CreateTempSubdirectory("ccapbot-teams-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string ZipPath => Path.Combine(_work, "ccapbot-teams.zip");

    private Task<ProcessResult> PackageAsync(params string[] arguments) =>
        Processes.RunAsync("bash", [Path.Combine(TeamsFolder, "package.sh"), .. arguments],
            environment: new Dictionary<string, string?> { ["CCAPBOT_TEAMS_ZIP"] = ZipPath });

    private async Task<string> PackageAndExtractAsync(params string[] arguments)
    {
        var result = await PackageAsync(arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        var folder = Path.Combine(_work, "package");
        ZipFile.ExtractToDirectory(ZipPath, folder);
        return folder;
    }

    private static JsonObject ReadObject(string file) => JsonNode.Parse(File.ReadAllText(file))!.AsObject();

    [Fact]
    public async Task Package_HoldsExactlyTheManifestIconsAndLocalizations_AtItsRoot()
    {
        var result = await PackageAsync(BotAppId, Domain);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ZipPath, result.Output.Trim());
        using var zip = ZipFile.OpenRead(ZipPath);
        Assert.Equal(ExpectedFiles.Order(), zip.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public async Task PackagedManifest_IsValid_AgainstTheOfficialSchemas()
    {
        var folder = await PackageAndExtractAsync(BotAppId, Domain);
        var manifest = ReadObject(Path.Combine(folder, "manifest.json"));

        var run = await Processes.RunAsync("node", [Repository.PathOf("CcapBot.Tests", "Deployment", "validate-teams-package.cjs"), Repository.PathOf("CcapBot.Tests", "Js"), folder]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Output)!;
        var version = manifest["manifestVersion"]!.GetValue<string>();
        Assert.Equal(version, report["schemaVersion"]!.GetValue<string>());
        var files = report["files"]!.AsObject();
        Assert.Equal(["en.json", "manifest.json", "vi.json"], files.Select(f => f.Key).Order());
        Assert.All(files, f => Assert.True(f.Value!.AsArray().Count == 0, $"{f.Key}: {f.Value.ToJsonString()}"));

        // Teams reads the version from manifestVersion; $schema of every file must name the same one.
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
        foreach (var language in new[] { "en.json", "vi.json" })
        {
            Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.Localization.schema.json",
                ReadObject(Path.Combine(folder, language))["$schema"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task TheCommittedTemplate_FailsTheSchema_OnlyAtItsPlaceholders()
    {
        // The oracle must be able to say no: the unfilled template is invalid exactly where the app id goes.
        var run = await Processes.RunAsync("node", [Repository.PathOf("CcapBot.Tests", "Deployment", "validate-teams-package.cjs"), Repository.PathOf("CcapBot.Tests", "Js"), TeamsFolder]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var errors = JsonNode.Parse(run.Output)!["files"]!["manifest.json"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Single(errors);
        Assert.StartsWith("/bots/0/botId must match pattern", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackagedManifest_CarriesTheBotsAppId_AndTheDomain()
    {
        var folder = await PackageAndExtractAsync(BotAppId.ToUpperInvariant(), Domain);
        var text = await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json"), TestContext.Current.CancellationToken);
        var manifest = JsonNode.Parse(text)!;

        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.Equal(BotAppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal([Domain], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        var appId = Guid.Parse(manifest["id"]!.GetValue<string>());
        var template = ReadObject(Path.Combine(TeamsFolder, "manifest.json"));
        Assert.Equal(Guid.Parse(template["id"]!.GetValue<string>()), appId); // stable, so a new package updates the installed app
        Assert.NotEqual(Guid.Parse(BotAppId), appId);
        Assert.Equal(["groupChat", "personal", "team"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Package_WithoutDomain_ListsNoValidDomains()
    {
        var folder = await PackageAndExtractAsync(BotAppId);

        Assert.Empty(ReadObject(Path.Combine(folder, "manifest.json"))["validDomains"]!.AsArray());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("6f1c2d3e4b5a4c6d8e7f901a2b3c4d5e")]
    [InlineData("{6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e}")]
    [InlineData("6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e; rm -rf /")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("")]
    public async Task Package_RefusesAnAppIdThatIsNotAGuid_AndWritesNothing(string appId)
    {
        var result = await PackageAsync(appId, Domain);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a bot app id", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Theory]
    [InlineData("https://ccapbot.azurewebsites.net")]
    [InlineData("ccapbot.azurewebsites.net/api/messages")]
    [InlineData("ccapbot.azurewebsites.net:443")]
    public async Task Package_RefusesADomainThatIsNotAHostName(string domain)
    {
        var result = await PackageAsync(BotAppId, domain);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a host name", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public void Commands_AreTitledAndDescribed_InEnglishAndVietnamese()
    {
        var manifest = ReadObject(Path.Combine(TeamsFolder, "manifest.json"));
        var english = ReadObject(Path.Combine(TeamsFolder, "en.json"));
        var vietnamese = ReadObject(Path.Combine(TeamsFolder, "vi.json"));
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();

        Assert.InRange(lists.Count, 1, 3);
        var personal = lists.Single(l => l!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == "personal"))!;
        Assert.Equal(["register", "apply", "my status", "my activities", "help"], personal["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));

        // The manifest's own strings are the English ones; en.json repeats them exactly, vi.json translates every one.
        foreach (var key in new[] { "name.short", "name.full", "description.short", "description.full" })
        {
            var parts = key.Split('.');
            Assert.Equal(manifest[parts[0]]![parts[1]]!.GetValue<string>(), english[key]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(vietnamese[key]?.GetValue<string>()), key);
        }
        var keys = new List<string>();
        for (var l = 0; l < lists.Count; l++)
        {
            var commands = lists[l]!["commands"]!.AsArray();
            for (var c = 0; c < commands.Count; c++)
            {
                foreach (var field in new[] { "title", "description" })
                {
                    var key = $"bots[0].commandLists[{l}].commands[{c}].{field}";
                    keys.Add(key);
                    var text = commands[c]![field]!.GetValue<string>();
                    Assert.Equal(text, english[key]?.GetValue<string>());
                    var translated = vietnamese[key]?.GetValue<string>();
                    Assert.False(string.IsNullOrWhiteSpace(translated), key);
                    Assert.NotEqual(text, translated);
                }
            }
        }
        Assert.Equal(keys.Order(), english.Select(p => p.Key).Where(k => k.StartsWith("bots", StringComparison.Ordinal)).Order());
        Assert.Equal(keys.Order(), vietnamese.Select(p => p.Key).Where(k => k.StartsWith("bots", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void ColorIcon_Is192Square_AndFullBleed()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(TeamsFolder, "color.png")));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.NotEmpty(icon.Rgba);
        Assert.All(icon.Pixels(), p => Assert.Equal(255, p.A));
        Assert.True(icon.Pixels().Distinct().Count() > 2, "the colour icon is blank");
    }

    [Fact]
    public void OutlineIcon_Is32Square_TransparentWithWhiteStrokesOnly()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(TeamsFolder, "outline.png")));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.Equal(PngImage.TruecolorWithAlpha, icon.ColorType);
        var pixels = icon.Pixels().ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.All(new[] { icon.Pixel(0, 0), icon.Pixel(31, 0), icon.Pixel(0, 31), icon.Pixel(31, 31) }, p => Assert.Equal(0, p.A));
        Assert.InRange(pixels.Count(p => p.A == 0), pixels.Count / 2, pixels.Count - 1);
        Assert.Contains(pixels, p => p.A == 255);
    }

    [Fact]
    public void Manifest_NamesTheIconsItShips_AndHoldsNoSecret()
    {
        var manifest = ReadObject(Path.Combine(TeamsFolder, "manifest.json"));

        Assert.Equal("color.png", manifest["icons"]!["color"]!.GetValue<string>());
        Assert.Equal("outline.png", manifest["icons"]!["outline"]!.GetValue<string>());
        Assert.Equal("en.json", manifest["localizationInfo"]!["defaultLanguageFile"]!.GetValue<string>());
        Assert.Equal(["vi.json"], manifest["localizationInfo"]!["additionalLanguages"]!.AsArray().Select(l => l!["file"]!.GetValue<string>()));
        var text = manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(manifest["webApplicationInfo"]);
    }
}
