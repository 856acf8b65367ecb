using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Cards;

namespace CcapBot.Tests.Cards;

/// <summary>Where our engine is deliberately stricter than the official one: what it would render as garbage fails.</summary>
public sealed class TemplateEngineTests
{
    private static JsonNode? Expand(string template, string data) =>
        TemplateEngine.Expand(TemplateEngine.Compile("test", JsonNode.Parse(template)!), JsonNode.Parse(data));

    [Theory]
    [InlineData("""{"t":"${formatDateTime(d)}"}""", "not a supported function")]
    [InlineData("""{"t":"${a + 1}"}""", "")]
    [InlineData("""{"t":"${a <> 1}"}""", "<>")]
    [InlineData("""{"t":"${a ? 1 : 2}"}""", "")]
    [InlineData("""{"t":"${$host.x}"}""", "$host")]
    [InlineData("""{"t":"${}"}""", "empty")]
    [InlineData("""{"t":"${a"}""", "unterminated")]
    [InlineData("""{"t":"`${a}"}""", "backtick")]
    [InlineData("""{"$when":true,"t":1}""", "$when")]
    [InlineData("""{"$when":"x ${a}","t":1}""", "$when")]
    [InlineData("""{"$data":[1,2],"t":1}""", "$data")]
    [InlineData("""{"$index":1}""", "reserved")]
    [InlineData("""{"t":"${count(1)}"}""", "count")]
    [InlineData("""{"t":"${if(a, 1)}"}""", "arguments")]
    public void Compile_RejectsWhatTheEngineDoesNotSupport(string template, string message)
    {
        var e = Assert.Throws<CardTemplateException>(() => TemplateEngine.Compile("bad", JsonNode.Parse(template)!));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"t":"${missing}"}""", "not in the data")] // official: the text "${missing}"
    [InlineData("""{"t":"Hi ${missing}"}""", "not in the data")]
    [InlineData("""{"t":"Hi ${list}"}""", "cannot be written into text")] // official: "Hi 1,2"
    [InlineData("""{"t":"Hi ${nul}"}""", "cannot be written into text")]
    [InlineData("""{"$when":"${s}","t":1}""", "true or false")] // official: silently false
    [InlineData("""{"$when":"${missing}","t":1}""", "true or false")]
    [InlineData("""{"t":"${1 < 2 == true}"}""", "compared")] // == binds tighter than <, as officially (which throws too)
    [InlineData("""{"t":"${count(missing)}"}""", "not in the data")] // official: 10, the length of "${missing}"
    public void Expand_FailsInsteadOfRenderingGarbage(string template, string message)
    {
        var e = Assert.Throws<CardTemplateException>(() => Expand(template, """{"s":"x","list":[1,2],"nul":null}"""));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UserText_IsInsertedAsAValue_NeverAsTemplateOrJson()
    {
        var hostile = "\"}],\"type\":\"Action.OpenUrl\",\"x\":\"${$root.secret} `";
        var data = new JsonObject { ["name"] = hostile, ["secret"] = "s3cret" };

        var result = TemplateEngine.Expand(TemplateEngine.Compile("t", JsonNode.Parse("""{"type":"TextBlock","text":"${name}","alt":"Hello ${name}!"}""")!), data)!;

        Assert.Equal(["type", "text", "alt"], result.AsObject().Select(p => p.Key));
        Assert.Equal(hostile, result["text"]!.GetValue<string>());
        Assert.Equal($"Hello {hostile}!", result["alt"]!.GetValue<string>());
        Assert.DoesNotContain("s3cret", result.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Store_LoadsEveryTemplate_AndThrowsOnAMissingOne()
    {
        var store = new CardTemplateStore();
        Assert.Contains("form", store.Names);
        Assert.Throws<KeyNotFoundException>(() => store.Get("no-such-card"));
    }

    [Fact]
    public void Binder_AdaptsActionsPerChannel_AndDropsNulls()
    {
        var binder = new CardBinder(new CardTemplateStore());
        var data = new CcapBot.Conversations.Dialogs.QuestionCardData { Question = "Q?", Options = [new("Yes", "yes")], Instance = "i1", Step = 2 };

        var teams = binder.Bind("dialog-question", data, CcapBot.Conversations.Dialogs.DialogCardsJsonContext.Default.QuestionCardData, universalActions: true);
        var web = binder.Bind("dialog-question", data, CcapBot.Conversations.Dialogs.DialogCardsJsonContext.Default.QuestionCardData, universalActions: false);

        var execute = CcapBot.Tests.Infrastructure.CardReader.Actions(JsonNode.Parse(teams.GetRawText())!).Single();
        Assert.Equal("Action.Execute", (string?)execute["type"]);
        Assert.Equal("Action.Submit", (string?)execute["fallback"]!["type"]);
        Assert.Equal("dialog.reply", (string?)execute["data"]!["verb"]);
        Assert.Equal(2, (int?)execute["data"]!["step"]);
        var submit = CcapBot.Tests.Infrastructure.CardReader.Actions(JsonNode.Parse(web.GetRawText())!).Single();
        Assert.Equal("Action.Submit", (string?)submit["type"]);
        Assert.Equal("dialog.reply", (string?)submit["data"]!["verb"]);
        Assert.DoesNotContain("null", web.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, web.ValueKind);
    }
}
