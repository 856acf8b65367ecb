using CcapBot.Domain;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>A partnership's check-in cadence (14 days by default) is set in conversation, and the scheduler follows it.</summary>
public sealed class CheckInCadenceTests : IAsyncLifetime
{
    private readonly StatusUpdateWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task ARepresentative_SetsWeeklyCheckIns_AndTheFirstCardComesAfterSevenDays()
    {
        Assert.Equal(Partnership.DefaultCheckInCadenceDays, (await PartnershipAsync()).CheckInCadenceDays);
        var done = await WeeklyAsync(_world.Hcm);

        Assert.Contains($"Check-ins for partnership #{_world.PartnershipId} now go out every 7 days", done.All, StringComparison.Ordinal);
        Assert.Equal(7, (await PartnershipAsync()).CheckInCadenceDays);
        // Seven days after activation (a day before the tick looks back to) the first check-in is due.
        _world.Clock.SetUtcNow(StatusUpdateWorld.Now.AddDays(7).AddHours(1));
        await _world.Bot.TickAsync();
        var keys = await _world.Bot.QueryAsync(db => db.OutboxMessages.Select(m => m.IdempotencyKey).ToListAsync());
        Assert.Contains(keys, k => k.StartsWith($"checkin:{_world.PartnershipId}:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SomeoneOutsideThePartnership_CannotChangeItsCadence()
    {
        var before = await _world.SnapshotAsync();
        var done = await WeeklyAsync(_world.Nobody);

        Assert.Contains($"You have no partnership #{_world.PartnershipId} to change", done.All, StringComparison.Ordinal);
        Assert.Equal(Partnership.DefaultCheckInCadenceDays, (await PartnershipAsync()).CheckInCadenceDays);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    /// <summary><paramref name="person"/> asks for check-ins every 7 days on the partnership and confirms.</summary>
    private async Task<Reply> WeeklyAsync(Person person)
    {
        var chat = await _world.ConversationAsync(person);
        await chat.SayAsync("check-in cadence");
        await chat.SayAsync(_world.PartnershipId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await chat.SayAsync("7");
        return await chat.SayAsync("yes");
    }

    private Task<Partnership> PartnershipAsync() =>
        _world.Bot.QueryAsync(db => db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == _world.PartnershipId));
}
