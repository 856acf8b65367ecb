using CcapBot.Features.Access;

namespace CcapBot.Tests.Features.Tracking;

public sealed class WorkingHoursTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly TimeZoneInfo HoChiMinh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static TheoryData<string, string, string> Slots => new()
    {
        // not before (UTC), expected slot (UTC), case
        { "2027-03-01T03:00:00Z", "2027-03-01T03:00:00Z", "Monday 10:00 in Ho Chi Minh City: now" },
        { "2027-03-01T00:00:00Z", "2027-03-01T02:00:00Z", "Monday 07:00: at 09:00" },
        { "2027-03-01T10:00:00Z", "2027-03-02T02:00:00Z", "Monday 17:00 (end, exclusive): Tuesday 09:00" },
        { "2027-03-05T10:30:00Z", "2027-03-08T02:00:00Z", "Friday evening: Monday 09:00" },
        { "2027-03-06T05:00:00Z", "2027-03-08T02:00:00Z", "Saturday: Monday 09:00" },
    };

    [Theory]
    [MemberData(nameof(Slots))]
    public void NextSlot_IsInsideWorkingHours_OnWeekdays(string notBefore, string expected, string why)
    {
        var hours = WorkingHours.For(HoChiMinh);

        var slot = hours.NextSlot(DateTimeOffset.Parse(notBefore, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(slot == DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), why);
    }

    [Fact]
    public void NextSlot_FollowsDaylightSaving_InTheRecipientsZone()
    {
        var hours = WorkingHours.For(LosAngeles, new TimeOnly(8, 0), new TimeOnly(16, 0));

        // Friday 12 March 2027 17:00 PST → Monday 15 March 08:00 PDT (clocks went forward on Sunday 14 March).
        var slot = hours.NextSlot(new DateTimeOffset(2027, 3, 13, 1, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2027, 3, 15, 15, 0, 0, TimeSpan.Zero), slot);
    }

    [Fact]
    public void NextSlot_WaitsUntilTheDayAfterAway()
    {
        var hours = WorkingHours.For(HoChiMinh, awayUntil: new DateOnly(2027, 3, 3));

        Assert.Equal(new DateTimeOffset(2027, 3, 4, 2, 0, 0, TimeSpan.Zero), hours.NextSlot(new DateTimeOffset(2027, 3, 1, 3, 0, 0, TimeSpan.Zero)));
        Assert.False(hours.Contains(new DateTimeOffset(2027, 3, 3, 3, 0, 0, TimeSpan.Zero)));
        Assert.True(hours.Contains(new DateTimeOffset(2027, 3, 4, 3, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void NextSlot_IsNone_WhenNoWorkingTimeComesBeforeTheLimit()
    {
        var hours = WorkingHours.For(HoChiMinh);
        var evening = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Null(hours.NextSlot(evening, before: evening.AddHours(12)));
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 2, 0, 0, TimeSpan.Zero), hours.NextSlot(evening, before: evening.AddHours(15)));
    }

    [Fact]
    public void AnInvertedDay_FallsBackToTheDefault()
    {
        var hours = WorkingHours.For(HoChiMinh, new TimeOnly(18, 0), new TimeOnly(8, 0));

        Assert.Equal((WorkingHours.DefaultStart, WorkingHours.DefaultEnd), (hours.Start, hours.End));
    }
}
