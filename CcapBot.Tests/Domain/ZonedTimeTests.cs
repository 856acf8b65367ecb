using CcapBot.Domain;

namespace CcapBot.Tests.Domain;

public sealed class ZonedTimeTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Theory]
    [InlineData("2027-01-15", "09:00", "2027-01-15T17:00:00Z")] // PST, UTC-8
    [InlineData("2027-07-15", "09:00", "2027-07-15T16:00:00Z")] // PDT, UTC-7
    [InlineData("2027-03-14", "02:30", "2027-03-14T10:30:00Z")] // skipped by the spring jump: reads as 03:30 PDT
    [InlineData("2027-11-07", "01:30", "2027-11-07T08:30:00Z")] // happens twice: the first (PDT)
    public void ToInstant_FollowsDaylightSaving(string date, string time, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ZonedTime.ToInstant(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), LosAngeles));

    [Fact]
    public void InZone_ShowsTheLocalClock()
    {
        var shown = ZonedTime.InZone(new DateTimeOffset(2027, 3, 8, 7, 0, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Equal(new DateTimeOffset(2027, 3, 8, 16, 0, 0, TimeSpan.FromHours(9)), shown);
        Assert.Equal(TimeSpan.FromHours(9), shown.Offset);
    }
}
