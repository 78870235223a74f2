using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Youth.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("people");
        person.HasKey(p => p.Id);
        person.Property(p => p.Id).ValueGeneratedNever();
        person.Property(p => p.FirstName).HasMaxLength(Person.MaxNameLength);
        person.Property(p => p.LastName).HasMaxLength(Person.MaxNameLength);
        person.Property(p => p.Gender).HasMaxLength(20);
        person.Property(p => p.Municipality).HasMaxLength(20);
        person.Property(p => p.Education).HasMaxLength(Person.MaxEducationLength);
        person.Property(p => p.Email).HasMaxLength(254);
        person.Property(p => p.Phone).HasMaxLength(30);
        person.Property(p => p.Ethnicity).HasMaxLength(Person.MaxEthnicityLength);
        person.OwnsOne(p => p.Consent, consent =>
        {
            consent.Property(c => c.Purpose).HasMaxLength(Consent.MaxLength);
            consent.Property(c => c.NoticeVersion).HasMaxLength(Consent.MaxLength);
        });
        person.Ignore(p => p.IsErased);
        person.HasIndex(p => p.Municipality);
    }
}
