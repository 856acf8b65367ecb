using CcapBot.Domain;
using CcapBot.Tests.Features.Registration;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Status;

public sealed class MyStatusTests : IAsyncLifetime
{
    private BotWorld _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await BotWorld.StartAsync(new() { Coordinators = [People.CoordinatorAad] });

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SomeoneNotRegistered_IsOfferedToRegister_InTheirLanguage()
    {
        var chat = _bot.Teams("29:newcomer", "Newcomer", Guid.NewGuid().ToString(), locale: "vi-VN");

        var r = await chat.SayAsync("tinh trang cua toi");

        var card = r.Cards.Last(); // after the welcome card: this is the first message

        Assert.Contains("Bạn chưa đăng ký thành phố nào.", card.Text(), StringComparison.Ordinal);
        var register = Assert.Single(card.Actions());
        Assert.Equal(("Đăng ký thành phố", "dialog.command", "register"), ((string?)register["title"], (string?)register["verb"], (string?)register["data"]?["command"]));
        r = await chat.PressAsync("Đăng ký thành phố", card: card);
        Assert.Contains("Thành phố của bạn thuộc quốc gia nào?", r.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepresentative_SeesTheCitysPartnerships_AndACoordinator_WhatWaits()
    {
        var lan = _bot.Coordinator();
        await lan.SayAsync("hi");
        var hoa = _bot.Teams("29:haiphong", "Hoa", Guid.NewGuid().ToString());
        await hoa.RegisterAsync("Viet Nam", "Haiphong", "hoa@haiphong.gov.vn");
        await lan.PressAsync("Approve", card: await lan.WaitForCardAsync("New city registration: Haiphong"));
        var sato = _bot.Teams("29:kitakyushu", "Sato", Guid.NewGuid().ToString());
        await sato.RegisterAsync("Japan", "Kitakyushu", "sato@city.kitakyushu.lg.jp");
        await lan.PressAsync("Approve", card: await lan.WaitForCardAsync("New city registration: Kitakyushu"));
        await hoa.ApplyAsync();

        // A partnership made by the matching feature (its own branch): here straight through the domain.
        await _bot.WithDbAsync(async db =>
        {
            var cities = await db.Cities.ToDictionaryAsync(c => c.Name, c => c.Id, Ct);
            var application = await db.Applications.SingleAsync(Ct);
            var partnership = Partnership.Propose("Emissions inventory of the port", "emissions-inventory", new PartnershipMember(cities["Kitakyushu"]),
                [new PartnershipMember(cities["Haiphong"], application.Id)], PartnershipActor.Coordinator(People.CoordinatorAad), DateTimeOffset.UtcNow);
            partnership.Confirm(PartnershipActor.Coordinator(People.CoordinatorAad), DateTimeOffset.UtcNow);
            db.Partnerships.Add(partnership);
            await db.SaveChangesAsync(Ct);
        });

        var mine = CardReader.Text(Assert.Single((await hoa.SayAsync("my status")).Cards));
        Assert.Contains("Partnerships", mine, StringComparison.Ordinal);
        Assert.Contains("No. 1: Developing an emissions inventory", mine, StringComparison.Ordinal);
        Assert.Contains("confirmed · Kitakyushu (mentor)", mine, StringComparison.Ordinal);
        Assert.Contains("No. 1: learning request", mine, StringComparison.Ordinal);
        // An application a partnership was made from cannot be withdrawn.
        Assert.Contains("Your city has no open application to withdraw.", (await hoa.SayAsync("withdraw")).All, StringComparison.Ordinal);

        // (Review cards the outbox delivered meanwhile arrive in the same chat.)
        var coordinator = CardReader.Text((await lan.SayAsync("status")).Cards.Last(c => c.Text().Contains("My status", StringComparison.Ordinal)));
        Assert.Contains("Coordinator (Clean Air Asia)", coordinator, StringComparison.Ordinal);
        Assert.Contains("0 registration(s), 1 application(s)", coordinator, StringComparison.Ordinal);
        Assert.Contains("Show waiting reviews", coordinator, StringComparison.Ordinal);
    }
}
