using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.ServiceDefaults.Data;

namespace Platform.Partnerships.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.ToTable("meetings");
        meeting.HasKey(m => m.Id);
        meeting.Property(m => m.Id).ValueGeneratedNever();
        meeting.Property(m => m.Body).HasConversion<string>().HasMaxLength(20);
        meeting.Property(m => m.Municipality).HasMaxLength(20);
        meeting.Property(m => m.Title).HasMaxLength(Meeting.MaxTextLength);
        meeting.Property(m => m.Place).HasMaxLength(Meeting.MaxTextLength);
        meeting.Property(m => m.Minutes).HasMaxLength(Meeting.MaxMinutesLength);
        meeting.Property(m => m.MinutesStatus).HasConversion<string>().HasMaxLength(20);
        meeting.Ignore(m => m.OrganizationsPresent);
        meeting.Ignore(m => m.AttendanceByGender);
        meeting.Ignore(m => m.AttendanceBySector);
        meeting.HasRowVersion();
        meeting.HasOne<Groups.PartnershipGroup>().WithMany().HasForeignKey(m => m.GroupId);
        meeting.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId);
        meeting.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId);
        meeting.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId);
        meeting.Navigation(m => m.Agenda).AutoInclude();
        meeting.Navigation(m => m.Attendance).AutoInclude();
        meeting.Navigation(m => m.Decisions).AutoInclude();
        meeting.HasIndex(m => new { m.GroupId, m.Date });
        meeting.HasIndex(m => new { m.Municipality, m.Date });
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> item)
    {
        item.ToTable("agenda_items");
        // A key of its own: replacing the agenda deletes and inserts items at the same positions in one save.
        item.HasKey(i => i.Id);
        item.Property(i => i.Id).ValueGeneratedNever();
        item.Property(i => i.Title).HasMaxLength(Meeting.MaxTextLength);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> attendance)
    {
        attendance.ToTable("attendance");
        attendance.HasKey(a => a.Id);
        attendance.Property(a => a.Id).ValueGeneratedNever();
        attendance.Property(a => a.Gender).HasMaxLength(20);
        attendance.Property(a => a.Sector).HasConversion<string>().HasMaxLength(40);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> decision)
    {
        decision.ToTable("decisions");
        decision.HasKey(d => d.Id);
        decision.Property(d => d.Id).ValueGeneratedNever();
        decision.Property(d => d.Text).HasMaxLength(Meeting.MaxDecisionLength);
        decision.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        decision.HasIndex(d => new { d.Status, d.DueOn });
    }
}
