using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Cards;
using CcapBot.Features.Tracking;
using CcapBot.Localization;
using CcapBot.Tests.Cards;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>The fast path (a skeleton bound once per shape, then filled) gives exactly what a full binding gives.</summary>
public sealed class TrackingCardsTests
{
    private readonly TrackingCards _cards = new(new CardBinder(new CardTemplateStore()), new Localizer());

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var (template, samples) in CardSamples.All.Where(s => s.Key.StartsWith("tracking-", StringComparison.Ordinal) || s.Key == NoticeCardData.Template))
        {
            foreach (var (name, _) in samples)
            {
                data.Add($"{template}|{name}", true);
                data.Add($"{template}|{name}", false);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Skeleton_EqualsAFullBinding(string sample, bool universalActions)
    {
        var (template, name) = (sample.Split('|')[0], sample.Split('|')[1]);
        var node = CardSamples.All[template].Single(s => s.Case == name).Data;
        object data = template switch
        {
            NoticeCardData.Template => node.Deserialize(NoticeJsonContext.Default.NoticeCardData)!,
            "tracking-checkin" => node.Deserialize(TrackingJsonContext.Default.CheckInCardData)!,
            _ => node.Deserialize(TrackingJsonContext.Default.OverviewCardData)!,
        };

        // Twice: the first builds the skeleton, the second fills it.
        for (var i = 0; i < 2; i++)
        {
            var fast = data switch
            {
                NoticeCardData n => _cards.Notice(n, universalActions),
                CheckInCardData c => _cards.CheckIn(c, universalActions),
                _ => _cards.Overview((OverviewCardData)data, universalActions),
            };
            var full = _cards.Full(template, data, universalActions);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(full.GetRawText()), JsonNode.Parse(fast.GetRawText())), $"{sample}:\n{full.GetRawText()}\n{fast.GetRawText()}");
        }
    }

    [Fact]
    public void Skeleton_OfOneShape_CarriesEachCardsOwnTexts_AndNothingElse()
    {
        NoticeCardData Card(string title) => new() { Title = title, Facts = [new("Note", title + " note")], Actions = [new("Open", "tracking.open", title)] };

        var first = _cards.Notice(Card("first \"one\" ~~@0@~~"), universalActions: true);
        var second = _cards.Notice(Card("second"), universalActions: true);

        Assert.Contains("first \\u0022one\\u0022 ~~@0@~~", first.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("first", second.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("second note", (string?)JsonNode.Parse(second.GetRawText())!["body"]![1]!["facts"]![0]!["value"]);
    }
}
