using System.Text.Json.Nodes;
using CcapBot.Cards;

namespace CcapBot.Tests.Cards;

public sealed class TemplateEngineTests
{
    private static JsonNode? Expand(string template, string data) =>
        TemplateEngine.Expand(TemplateEngine.Compile("test", JsonNode.Parse(template)!), JsonNode.Parse(data));

    [Fact]
    public void Concat_OfLiteralAndString_IsText()
    {
        var result = Expand("""{"a":"${concat('✔ ', answered)}"}""", """{"answered":"x"}""");
        Assert.Equal("""{"a":"✔ x"}""", result!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
