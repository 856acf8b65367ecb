using CcapBot.Domain;
using CcapBot.Features.Partnering;
using CcapBot.Localization;

namespace CcapBot.Tests.Features.Partnering;

/// <summary>One instant in several cities' zones, daylight saving included, in both languages; a message for every rule.</summary>
public sealed class PartneringTextTests
{
    private readonly PartneringText _text = new(new Localizer());

    public static TheoryData<string, DateTimeOffset, string> Instants => new()
    {
        // Hai Phong first (the reader's city), then the other: the date is shown again only where the day differs.
        { "en", new(2026, 3, 3, 2, 0, 0, TimeSpan.Zero), "Tue 3 Mar 2026, 09:00 in Hai Phong (Asia/Ho_Chi_Minh) · 11:00 in Kitakyushu (Asia/Tokyo) · Mon 2 Mar 2026, 18:00 in San Diego (America/Los_Angeles)" },
        // San Diego moved to daylight time on 8 March 2026: the same Hai Phong hour is an hour later there.
        { "en", new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero), "Tue 10 Mar 2026, 09:00 in Hai Phong (Asia/Ho_Chi_Minh) · 11:00 in Kitakyushu (Asia/Tokyo) · Mon 9 Mar 2026, 19:00 in San Diego (America/Los_Angeles)" },
        { "vi", new(2026, 3, 3, 2, 0, 0, TimeSpan.Zero), "Thứ Ba, 03/03/2026, 09:00 tại Hai Phong (Asia/Ho_Chi_Minh) · 11:00 tại Kitakyushu (Asia/Tokyo) · Thứ Hai, 02/03/2026, 18:00 tại San Diego (America/Los_Angeles)" },
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void Places_ShowOneInstantInEachCitysZone(string language, DateTimeOffset instant, string expected)
    {
        var places = new[] { ("Hai Phong", "Asia/Ho_Chi_Minh"), ("Kitakyushu", "Asia/Tokyo"), ("San Diego", "America/Los_Angeles") };

        Assert.Equal(expected, _text.Places(instant, places, language));
    }

    [Fact]
    public void AWallClockTimeEnteredInOneZone_ReadsRightInTheOthers_AcrossDaylightSaving()
    {
        // A coordinator in San Diego enters 17:00 on the day before and the day after the change.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var before = ZonedTime.ToInstant(new DateOnly(2026, 3, 6), new TimeOnly(17, 0), zone);
        var after = ZonedTime.ToInstant(new DateOnly(2026, 3, 9), new TimeOnly(17, 0), zone);

        Assert.Equal("Sat 7 Mar 2026, 08:00 in Hai Phong (Asia/Ho_Chi_Minh)", _text.Places(before, [("Hai Phong", "Asia/Ho_Chi_Minh")], "en"));
        Assert.Equal("Tue 10 Mar 2026, 07:00 in Hai Phong (Asia/Ho_Chi_Minh)", _text.Places(after, [("Hai Phong", "Asia/Ho_Chi_Minh")], "en"));
    }

    [Fact]
    public void EveryDomainRule_HasAClearMessage_InEveryLanguage()
    {
        foreach (var language in Languages.All)
        {
            foreach (var rule in Enum.GetValues<DomainRule>())
            {
                var message = _text.RuleMessage(rule, language);
                Assert.False(string.IsNullOrWhiteSpace(message), $"{language} {rule}");
            }
        }
        Assert.Equal(Enum.GetValues<DomainRule>().Length, Enum.GetValues<DomainRule>().Select(r => _text.RuleMessage(r, "vi")).Distinct().Count());
    }

    [Fact]
    public void Refusal_ListsEachBrokenRuleOnce_NamingTheActivityAsTheReaderSeesIt()
    {
        var refusal = _text.Refusal(
            [new(DomainRule.TooManyActivities), new(DomainRule.DueDateInPast, 2), new(DomainRule.DueDateInPast, 2), new(DomainRule.CompletionBeforeDueDate)],
            "en", rowOf: n => n + 1);

        Assert.Equal("Nothing was changed:\nan action list has at most 8 activities.\nActivity 3: the due date is in the past.\nthe completion date is before the last due date.", refusal);
    }
}
