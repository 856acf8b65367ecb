using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Cards;

namespace CcapBot.Tests.Cards;

/// <summary>
/// The official Adaptive Cards JS libraries as oracles, in one node run for everything: every template in
/// cards/ bound with its samples must equal what <c>adaptivecards-templating</c> produces, and every finished
/// card (Teams and web chat variants) must parse with <c>adaptivecards</c> without errors or warnings at
/// version ≤ 1.5. Small expression templates check the engine's semantics against the same oracle.
/// </summary>
public sealed class CardTemplateOracleTests
{
    private static readonly JsonNode ExpressionData = JsonNode.Parse("""
        {
          "a": 5, "b": true, "f": 1.5, "s": "abc", "NaMe": "Lan", "flag": false, "nul": null,
          "list": [1, 2, 3], "list2": [4], "emptyList": [], "obj": {"k": "v"}, "obj2": {"k": "v"},
          "people": [{"name": "An", "age": 30}, {"name": "Bo", "age": 12}, {"name": "Chi", "age": 19}]
        }
        """)!;

    /// <summary>Expression semantics the engine must share with the official one (name → template).</summary>
    private static readonly Dictionary<string, string> Expressions = new()
    {
        ["typed and interpolated"] = """{"n":"${a}","t":"${a} and ${b}","lit":"${'lit'}","one":"${1}","f":"${f}","fs":"v=${f}","nul":"${nul}"}""",
        ["comparisons"] = """{"eq":"${a == 5}","ne":"${a != '5'}","lt":"${s < 'b'}","gt":"${a > 3 && !flag}","or":"${flag || a < 1}","paren":"${(1 < 2) == true}","e4":"${empty(a)}","le":"${a <= 5}","ge":"${'b' >= s}"}""",
        ["functions"] = """{"if":"${if(flag, 'yes', 'no')}","c":"${count(list)}","cs":"${count(s)}","e":"${empty(emptyList)}","e2":"${empty('')}","e3":"${empty(missing)}","x":"${exists(missing)}","x2":"${exists(s)}","l":"${length(s)}","k":"${count(concat(list, list2))}","k2":"${concat('a', s, 'c')}","q":"${equals(obj, obj2)}","nt":"${not(flag)}","an":"${and(b, true)}","o":"${or(false, flag)}"}""",
        ["case-insensitive names"] = """{"t":"${name}","u":"${NAME}"}""",
        ["repeat with index and root"] = """{"items":[{"$data":"${list}","i":"${$index}","v":"${$data}","r":"${$root.s}"}]}""",
        ["repeat with when"] = """{"items":[{"$data":"${people}","$when":"${age > 18}","n":"${name}","i":"${$index}"}]}""",
        ["arrays splice and drop nulls"] = """{"a":[[1,2],[3]],"b":["${list}", 9],"c":[null, 1],"d":null,"e":[{"$data":"${emptyList}","x":1}, 2]}""",
        ["object scope"] = """{"o":{"$data":"${obj}","x":"${k}","r":"${$root.s}"},"p":{"$when":"${flag}","x":1}}""",
        ["escapes and no expression"] = """{"t":"a \\${x} b","u":"plain $ { } text","v":"${s}\\`s"}""",
        ["indexing"] = """{"a":"${list[1]}","b":"${obj['k']}","c":"${people[2].name}"}""",
    };

    [Fact]
    public void EveryTemplate_HasSamples()
    {
        var missing = new CardTemplateStore().Names.Where(n => !CardSamples.All.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, $"Add samples to CardSamples for: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task BoundTemplates_EqualOfficialTemplating_AndParseWithOfficialRenderer()
    {
        var store = new CardTemplateStore();
        var binder = new CardBinder(store);
        var entries = new List<OracleEntry>();
        foreach (var name in store.Names)
        {
            var template = ReadTemplate(name);
            foreach (var (sample, data) in CardSamples.All.GetValueOrDefault(name) ?? [])
            {
                var ours = binder.Expand(name, data.DeepClone());
                // The finished cards the channels get: Teams (Action.Execute + fallback) and web chat (Action.Submit).
                var finished = new[] { true, false }.Select(universal => JsonNode.Parse(binder.Bind(name, data.DeepClone(), JsonNodeContext.Default.JsonNode, universal).GetRawText())).ToList();
                entries.Add(new OracleEntry($"{name}: {sample}", template, data, ours, finished));
            }
        }
        foreach (var (name, template) in Expressions)
        {
            var compiled = TemplateEngine.Compile(name, JsonNode.Parse(template)!);
            entries.Add(new OracleEntry($"expression: {name}", JsonNode.Parse(template)!, ExpressionData, TemplateEngine.Expand(compiled, ExpressionData.DeepClone()), []));
        }

        var results = await RunOracleAsync(entries);

        var failures = new List<string>();
        foreach (var (entry, result) in entries.Zip(results.Select(r => r!)))
        {
            if (result["error"] is JsonValue error) failures.Add($"{entry.Name}: official engine: {error}");
            else if (!JsonNode.DeepEquals(entry.Ours, result["expanded"])) failures.Add($"{entry.Name}:\n  ours     {entry.Ours?.ToJsonString()}\n  official {result["expanded"]?.ToJsonString()}");
            foreach (var card in result["cards"]!.AsArray())
            {
                var events = card!["events"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
                if (events.Count > 0) failures.Add($"{entry.Name}: adaptivecards: {string.Join("; ", events)}");
                var version = card!["version"] is JsonValue v ? Version.Parse(v.GetValue<string>()) : null;
                if (version is null || version > new Version(1, 5)) failures.Add($"{entry.Name}: version {version}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(entries, e => e.Ours?.ToJsonString().Contains("${$root.instance}", StringComparison.Ordinal) == true); // hostile text stayed a value
    }

    private static JsonNode ReadTemplate(string name)
    {
        using var stream = typeof(CardTemplateStore).Assembly.GetManifestResourceStream($"cards/{name}.json")!;
        return JsonNode.Parse(stream)!;
    }

    private static async Task<JsonArray> RunOracleAsync(List<OracleEntry> entries)
    {
        var manifest = new JsonArray([.. entries.Select(e => new JsonObject
        {
            ["name"] = e.Name,
            ["template"] = e.Template.DeepClone(),
            ["data"] = e.Data.DeepClone(),
            ["cards"] = new JsonArray([.. e.Finished.Select(c => c?.DeepClone())]),
        })]);
        var file = Path.Combine(Path.GetTempPath(), $"card-oracle-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, manifest.ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(JsDirectory, "card-oracle.js"), file])
            {
                WorkingDirectory = JsDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await node.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(node.ExitCode == 0, $"node failed: {await errors}");
            return JsonNode.Parse(await output)!.AsArray();
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal static string JsDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var js = Path.Combine(dir.FullName, "CcapBot.Tests", "Js");
                if (File.Exists(Path.Combine(js, "package.json"))) return js;
            }
            throw new DirectoryNotFoundException("CcapBot.Tests/Js not found above the test output folder.");
        }
    }

    private sealed record OracleEntry(string Name, JsonNode Template, JsonNode Data, JsonNode? Ours, IReadOnlyList<JsonNode?> Finished);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonNode))]
internal sealed partial class JsonNodeContext : System.Text.Json.Serialization.JsonSerializerContext;
