/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupts, as the GIC architecture specifies them, observed by the
 * guest: the distributor's identification and its reserved and read-only
 * registers, SGIs between every pair of vCPUs, priorities and preemption,
 * active state, EOImode 0 and 1, edge- and level-triggered SPIs, and the
 * UART's SPI (in loopback, and with console input when the boot arguments
 * say "input=TEXT").
 */
#include "gic.h"
#include "tests.h"

#define UART_DR 0x000u
#define UART_FR 0x018u
#define UART_CR 0x030u
#define UART_IMSC 0x038u
#define UART_ICR 0x044u
#define UART_FR_RXFE (1u << 4)
#define UART_CR_LBE (1u << 7)
#define UART_CR_RESET 0x300u   /* TXE, RXE: not receiving until UARTEN */
#define UART_CR_ENABLED 0x301u /* UARTEN, TXE, RXE */
#define UART_INT_RX (1u << 4)
#define UART_INT_RT (1u << 6)
#define UART_SPI 33u
#define EDGE_SPI 90u
#define SGI_FIRST_SENDER 8u /* SGI 8 + n comes from vCPU n */
#define SGI_LOW 2u
#define SGI_HIGH 3u
#define SGI_ACTIVE 4u
#define SGI_SPLIT 5u
#define PRIO_LOW 0xa0u
#define PRIO_HIGH 0x20u
#define PRIO_MID 0x80u
#define IDLE_PRIORITY 0xffu
#define WAIT_US 200000u
#define LOG_MAX 8

static struct {
	volatile unsigned from[MAX_VCPUS];
	volatile unsigned bad_source;
	char log[LOG_MAX];
	volatile unsigned nlog;
	volatile bool active_seen, pending_seen;
	volatile uint32_t rpr_in, rpr_after_eoi;
	volatile bool active_after_eoi, active_after_dir;
	volatile unsigned takes;
	volatile uint32_t last_char;
} st[MAX_VCPUS];

static volatile uint32_t *uart(uint32_t off)
{
	return (volatile uint32_t *)(UART_BASE + off);
}

static void log_add(unsigned id, char c)
{
	if (st[id].nlog < LOG_MAX)
		st[id].log[st[id].nlog++] = c;
}

static bool log_is(unsigned id, const char *want)
{
	unsigned n = 0;

	while (want[n])
		n++;
	if (st[id].nlog != n)
		return false;
	for (unsigned i = 0; i < n; i++)
		if (st[id].log[i] != want[i])
			return false;
	return true;
}

/* Wait with interrupts enabled until *@v reaches @want or @us pass. */
static bool wait_irq(volatile unsigned *v, unsigned want, uint64_t us)
{
	uint64_t end = counter() + ticks_from_us(us);

	irq_enable();
	while (*v < want && counter() < end)
		__asm__ volatile("yield");
	irq_disable();
	return *v >= want;
}

/* ---- distributor ---- */

static void distributor_checks(unsigned ncpus)
{
	uint32_t typer = gicd_read(GICD_TYPER), iidr = gicd_read(GICD_IIDR), icfgr0;
	uint32_t pidr2 = gicd_read(gic_version == 3 ? GICD_PIDR2_V3 : GICD_PIDR2_V2);

	check_eq(0, "GIC distributor PIDR2.ArchRev is the GIC version", gic_version,
		 (pidr2 >> GIC_PIDR2_ARCHREV_SHIFT) & 0xfu);
	check(0, (typer & 0x1fu) >= 2, "GIC GICD_TYPER.ITLinesNumber covers the SPIs used", "", 2,
	      typer & 0x1fu);
	if (gic_version == 2)
		check_eq(0, "GIC GICD_TYPER.CPUNumber is the vCPU count less one", ncpus - 1,
			 (typer >> 5) & 7u);
	gicd_write(GICD_RESERVED, ~0u);
	check_eq(0, "GIC a write to a reserved distributor register is ignored", 0,
		 gicd_read(GICD_RESERVED));
	gicd_write(GICD_TYPER, ~typer);
	check_eq(0, "GIC a write to GICD_TYPER (read-only) is ignored", typer,
		 gicd_read(GICD_TYPER));
	gicd_write(GICD_IIDR, ~iidr);
	check_eq(0, "GIC a write to GICD_IIDR (read-only) is ignored", iidr, gicd_read(GICD_IIDR));
	icfgr0 = gic_private_read(GICD_ICFGR);
	gic_private_write(GICD_ICFGR, 0);
	check_eq(0, "GIC SGIs stay edge-triggered (ICFGR0 is read-only)", 0xaaaaaaaau,
		 gic_private_read(GICD_ICFGR));
	(void)icfgr0;
}

/* ---- SGIs between every pair ---- */

static void sgi_handler(unsigned id, struct frame *f)
{
	uint32_t iar = gic_ack(), intid = iar & GIC_IAR_INTID_MASK;

	(void)f;
	if (intid >= SGI_FIRST_SENDER && intid < SGI_FIRST_SENDER + MAX_VCPUS) {
		unsigned from = intid - SGI_FIRST_SENDER;
		st[id].from[from]++;
		/* GICv2 reports the requesting CPU in GICC_IAR[12:10]. */
		if (gic_version == 2 && ((iar >> 10) & 7u) != from)
			st[id].bad_source++;
	}
	if (intid != GIC_SPURIOUS)
		gic_eoi(iar);
}

static void sgi_checks(unsigned id)
{
	unsigned n = guest_nvcpus, got = 0, want = n - 1, wrong = 0;

	for (unsigned s = 0; s < n; s++)
		gic_enable(SGI_FIRST_SENDER + s, PRIO_MID);
	irq_set_handler(id, sgi_handler);
	barrier(id);
	for (unsigned t = 0; t < n; t++)
		if (t != id)
			gic_send_sgi(t, SGI_FIRST_SENDER + id);
	/* Count what arrives until every other vCPU's SGI is here. */
	irq_enable();
	for (uint64_t end = counter() + ticks_from_us(WAIT_US * 5); counter() < end;) {
		got = 0;
		for (unsigned s = 0; s < n; s++)
			got += s != id && st[id].from[s] >= 1;
		if (got == want)
			break;
		__asm__ volatile("yield");
	}
	irq_disable();
	barrier(id);
	for (unsigned s = 0; s < n; s++)
		wrong += st[id].from[s] != (s != id);
	check(id, got == want && wrong == 0 && st[id].bad_source == 0,
	      "GIC SGIs: exactly one from every other vCPU", "", want, got | (uint64_t)wrong << 8);
	irq_set_handler(id, NULL);
}

/* ---- priorities and preemption ---- */

static void prio_handler(unsigned id, struct frame *f)
{
	uint32_t iar = gic_ack(), intid = iar & GIC_IAR_INTID_MASK;

	(void)f;
	if (intid == SGI_LOW && st[id].nlog == 0) {
		/* Low active; a higher-priority interrupt must preempt it. */
		log_add(id, 'l');
		gic_send_sgi(id, SGI_HIGH);
		irq_enable();
		for (uint64_t end = counter() + ticks_from_us(WAIT_US);
		     st[id].nlog < 2 && counter() < end;)
			;
		irq_disable();
		log_add(id, 'L');
	} else if (intid == SGI_HIGH && st[id].nlog == 1) {
		log_add(id, 'H');
	} else if (intid == SGI_HIGH) {
		/* High active; a lower-priority one must wait for its end. */
		log_add(id, 'h');
		gic_send_sgi(id, SGI_LOW);
		irq_enable();
		for (uint64_t end = counter() + ticks_from_us(WAIT_US / 10); counter() < end;)
			;
		irq_disable();
		st[id].pending_seen = gic_is_pending(SGI_LOW);
		log_add(id, 'H');
	} else if (intid == SGI_LOW) {
		log_add(id, 'L');
	}
	if (intid != GIC_SPURIOUS)
		gic_eoi(iar);
}

static void priority_checks(unsigned id)
{
	gic_enable(SGI_LOW, PRIO_LOW);
	gic_enable(SGI_HIGH, PRIO_HIGH);
	irq_set_handler(id, prio_handler);

	st[id].nlog = 0;
	gic_send_sgi(id, SGI_LOW);
	(void)wait_irq(&st[id].nlog, 3, WAIT_US);
	check(id, log_is(id, "lHL"), "GIC priorities: a higher-priority SGI preempts a lower one",
	      "", 3, st[id].nlog);

	st[id].nlog = 0;
	st[id].pending_seen = false;
	gic_send_sgi(id, SGI_HIGH);
	(void)wait_irq(&st[id].nlog, 3, WAIT_US);
	check(id, log_is(id, "hHL") && st[id].pending_seen,
	      "GIC priorities: a lower-priority SGI stays pending until the higher one ends", "", 3,
	      st[id].nlog);
	irq_set_handler(id, NULL);
}

/* ---- active state, EOImode 0 and 1 ---- */

static void active_handler(unsigned id, struct frame *f)
{
	uint32_t iar = gic_ack(), intid = iar & GIC_IAR_INTID_MASK;

	(void)f;
	if (intid != SGI_ACTIVE && intid != SGI_SPLIT) {
		if (intid != GIC_SPURIOUS)
			gic_eoi(iar);
		return;
	}
	st[id].active_seen = gic_is_active(intid);
	st[id].pending_seen = gic_is_pending(intid);
	st[id].rpr_in = gic_running_priority();
	gic_eoi(iar);
	st[id].rpr_after_eoi = gic_running_priority();
	st[id].active_after_eoi = gic_is_active(intid);
	if (intid == SGI_SPLIT) {
		gic_dir(iar);
		st[id].active_after_dir = gic_is_active(intid);
	}
	st[id].takes++;
}

static void active_checks(unsigned id)
{
	gic_enable(SGI_ACTIVE, PRIO_MID);
	gic_enable(SGI_SPLIT, PRIO_MID);
	irq_set_handler(id, active_handler);

	st[id].takes = 0;
	gic_send_sgi(id, SGI_ACTIVE);
	(void)wait_irq(&st[id].takes, 1, WAIT_US);
	check(id, st[id].takes == 1 && st[id].active_seen && !st[id].pending_seen,
	      "GIC an acknowledged SGI is active, not pending", "", 1, st[id].takes);
	check(id,
	      st[id].rpr_in == PRIO_MID && st[id].rpr_after_eoi == IDLE_PRIORITY &&
		      !st[id].active_after_eoi,
	      "GIC EOImode 0: EOI drops the priority and deactivates", "", PRIO_MID, st[id].rpr_in);

	gic_set_eoimode(true);
	st[id].takes = 0;
	gic_send_sgi(id, SGI_SPLIT);
	(void)wait_irq(&st[id].takes, 1, WAIT_US);
	gic_set_eoimode(false);
	check(id,
	      st[id].takes == 1 && st[id].rpr_after_eoi == IDLE_PRIORITY &&
		      st[id].active_after_eoi && !st[id].active_after_dir,
	      "GIC EOImode 1: EOI drops the priority, DIR deactivates", "", 1, st[id].takes);
	irq_set_handler(id, NULL);
}

/* ---- edge and level SPIs, the UART's SPI ---- */

static void spi_handler(unsigned id, struct frame *f)
{
	uint32_t iar = gic_ack(), intid = iar & GIC_IAR_INTID_MASK;

	(void)f;
	if (intid == EDGE_SPI) {
		st[id].takes++;
	} else if (intid == UART_SPI) {
		/* The first time leave the FIFO alone: the level must bring it back. */
		if (++st[id].takes >= 2)
			while (!(*uart(UART_FR) & UART_FR_RXFE))
				st[id].last_char = *uart(UART_DR) & 0xffu;
	}
	if (intid != GIC_SPURIOUS)
		gic_eoi(iar);
}

static void spi_checks(unsigned id)
{
	irq_set_handler(id, spi_handler);

	gic_set_edge(EDGE_SPI, true);
	gic_route_spi(EDGE_SPI, id);
	gic_enable(EDGE_SPI, PRIO_MID);
	st[id].takes = 0;
	gic_set_pending(EDGE_SPI);
	(void)wait_irq(&st[id].takes, 1, WAIT_US);
	(void)wait_irq(&st[id].takes, 2, WAIT_US / 10);
	check(id, st[id].takes == 1 && !gic_is_pending(EDGE_SPI),
	      "GIC an edge-triggered SPI made pending is taken once", "", 1, st[id].takes);
	gic_disable(EDGE_SPI);

	gic_set_edge(UART_SPI, false);
	gic_route_spi(UART_SPI, id);
	gic_enable(UART_SPI, PRIO_MID);
	*uart(UART_CR) = UART_CR_ENABLED | UART_CR_LBE;
	*uart(UART_ICR) = 0x7ffu;
	*uart(UART_IMSC) = UART_INT_RX | UART_INT_RT;
	st[id].takes = 0;
	st[id].last_char = 0;
	*uart(UART_DR) = 'Z'; /* looped back into the receive FIFO */
	(void)wait_irq(&st[id].takes, 2, WAIT_US);
	(void)wait_irq(&st[id].takes, 3, WAIT_US / 10);
	*uart(UART_IMSC) = 0;
	*uart(UART_CR) = UART_CR_RESET;
	check(id, st[id].takes == 2 && st[id].last_char == 'Z' && !gic_is_pending(UART_SPI),
	      "GIC the UART's level-triggered SPI 33: taken again until the FIFO is read", "", 2,
	      st[id].takes);
	gic_disable(UART_SPI);
	irq_set_handler(id, NULL);
}

/* ---- console input ---- */

static struct {
	char buf[64];
	volatile unsigned n;
} input;

static void input_handler(unsigned id, struct frame *f)
{
	uint32_t iar = gic_ack();

	(void)id;
	(void)f;
	while (!(*uart(UART_FR) & UART_FR_RXFE)) {
		char c = (char)(*uart(UART_DR) & 0xffu);
		if (input.n < sizeof(input.buf) - 1)
			input.buf[input.n++] = c;
	}
	if ((iar & GIC_IAR_INTID_MASK) != GIC_SPURIOUS)
		gic_eoi(iar);
}

static void input_check(const char *want)
{
	unsigned len = 0;
	bool same = true;

	while (want[len])
		len++;
	irq_set_handler(0, input_handler);
	gic_route_spi(UART_SPI, 0);
	gic_enable(UART_SPI, PRIO_MID);
	*uart(UART_ICR) = 0x7ffu;
	*uart(UART_IMSC) = UART_INT_RX | UART_INT_RT;
	*uart(UART_CR) = UART_CR_ENABLED; /* input flows from here */
	(void)wait_irq(&input.n, len, 5000000u);
	*uart(UART_CR) = UART_CR_RESET;
	*uart(UART_IMSC) = 0;
	gic_disable(UART_SPI);
	for (unsigned i = 0; i < len; i++)
		same = same && input.buf[i] == want[i];
	check(0, input.n == len && same, "UART console input arrives through SPI 33", "", len,
	      input.n);
	irq_set_handler(0, NULL);
}

void irq_checks(unsigned id, const struct guest_dt *dt)
{
	char text[48];

	if (id == 0) {
		gic_dist_init(dt->gic_version);
		distributor_checks(guest_nvcpus);
	}
	barrier(id);
	gic_cpu_init(id);
	sgi_checks(id);
	priority_checks(id);
	active_checks(id);
	barrier(id);
	if (id == 0) {
		spi_checks(0);
		if (bootarg(dt, "input", text, sizeof(text)))
			input_check(text);
	}
	barrier(id);
}
