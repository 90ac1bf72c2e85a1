/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PL011 UART model (ARM PrimeCell UART PL011 Technical Reference Manual,
 * DDI 0183G, chapter 3 for the registers, 2.8 for the interrupts).
 *
 * Transmission completes at once: the transmit FIFO is always empty (FR
 * TXFE set, TXFF and BUSY clear) and each write to DR raises TXRIS, which
 * stays raised until cleared through ICR, as QEMU's model does and Linux's
 * driver expects. Reception goes through a FIFO of 32 entries (1 while
 * LCR_H.FEN is clear): RXRIS is raised while it holds at least the trigger
 * level (IFLS.RXIFLSEL: 1/8 to 7/8 full), RTRIS (receive timeout) when a
 * character arrives with the FIFO enabled, and both drop when the FIFO is
 * read below the level (or empty) or ICR clears them. CR.LBE loops
 * transmitted characters back into the receive FIFO, disconnecting the
 * receive input. Reception needs the UART enabled (CR.UARTEN and RXE, TRM
 * 3.3.8): until a guest enables it, input waits outside. Transmission, as in QEMU, does not need the enable
 * bits: bare-metal guests often write DR without setting them. Baud rate,
 * line control and DMA control are stored and read back, with no effect.
 *
 * Registers are 32 bits apart; 8-, 16- and 32-bit accesses reach them
 * (Linux uses 16-bit ones), 64-bit accesses read as zero and are ignored.
 */
#include <armvirt/err.h>

#include "devices.h"

#define UARTDR 0x000u
#define UARTRSR 0x004u
#define UARTFR 0x018u
#define UARTILPR 0x020u
#define UARTIBRD 0x024u
#define UARTFBRD 0x028u
#define UARTLCR_H 0x02cu
#define UARTCR 0x030u
#define UARTIFLS 0x034u
#define UARTIMSC 0x038u
#define UARTRIS 0x03cu
#define UARTMIS 0x040u
#define UARTICR 0x044u
#define UARTDMACR 0x048u
#define UARTPERIPHID0 0xfe0u
#define UART_ID_REGS 8u

#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define FR_RXFF (1u << 6)
#define FR_TXFE (1u << 7)
#define LCR_H_FEN (1u << 4)
#define CR_UARTEN (1u << 0)
#define CR_LBE (1u << 7)
#define CR_RXE (1u << 9)
#define CR_RESET 0x300u /* TXE and RXE */
#define IFLS_RESET 0x12u
#define IFLS_RX_SHIFT 3
#define IFLS_RX_MASK 0x7u
#define INT_RX (1u << 4)
#define INT_TX (1u << 5)
#define INT_RT (1u << 6)
#define INT_OE (1u << 10)
#define INT_ALL 0x7ffu
#define DR_DATA_MASK 0xffu

/* PeriphID0-3 (part 0x011, ARM, revision r1p5), then PCellID0-3. TRM 3.3.14-15. */
static const uint8_t pl011_id[UART_ID_REGS] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

static void lock(uint32_t *l)
{
	while (__atomic_exchange_n(l, 1u, __ATOMIC_ACQUIRE))
		;
}

static void unlock(uint32_t *l)
{
	__atomic_store_n(l, 0u, __ATOMIC_RELEASE);
}

void pl011_init(struct pl011 *u, void (*tx)(void *ctx, uint8_t c), void *tx_ctx)
{
	u->lock = 0;
	u->tx = tx;
	u->tx_ctx = tx_ctx;
	u->rx_head = u->rx_count = 0;
	u->ris = 0;
	u->imsc = u->lcr_h = u->ibrd = u->fbrd = u->ilpr = u->dmacr = 0;
	u->cr = CR_RESET;
	u->ifls = IFLS_RESET;
	u->tx_count = u->rx_total = 0;
}

static unsigned depth(const struct pl011 *u)
{
	return u->lcr_h & LCR_H_FEN ? PL011_FIFO_DEPTH : 1u;
}

/* The receive interrupt's FIFO level: IFLS.RXIFLSEL selects 1/8 .. 7/8 full. */
static unsigned rx_trigger(const struct pl011 *u)
{
	static const unsigned eighths[] = { 1, 2, 4, 6, 7 };
	unsigned sel = (u->ifls >> IFLS_RX_SHIFT) & IFLS_RX_MASK;

	if (!(u->lcr_h & LCR_H_FEN))
		return 1;
	return PL011_FIFO_DEPTH * eighths[sel < 5 ? sel : 4] / 8;
}

static bool rx_push(struct pl011 *u, uint16_t v)
{
	if (u->rx_count >= depth(u)) {
		u->ris |= INT_OE;
		return false;
	}
	u->rx[(u->rx_head + u->rx_count) % PL011_FIFO_DEPTH] = v;
	u->rx_count++;
	u->rx_total++;
	if (u->rx_count >= rx_trigger(u))
		u->ris |= INT_RX;
	if (u->lcr_h & LCR_H_FEN)
		u->ris |= INT_RT;
	return true;
}

static uint32_t rx_pop(struct pl011 *u)
{
	uint32_t v;

	if (!u->rx_count)
		return 0;
	v = u->rx[u->rx_head];
	u->rx_head = (u->rx_head + 1) % PL011_FIFO_DEPTH;
	u->rx_count--;
	if (u->rx_count < rx_trigger(u))
		u->ris &= ~INT_RX;
	if (!u->rx_count)
		u->ris &= ~INT_RT;
	return v;
}

static uint32_t flags(const struct pl011 *u)
{
	uint32_t fr = FR_TXFE;

	if (!u->rx_count)
		fr |= FR_RXFE;
	if (u->rx_count >= depth(u))
		fr |= FR_RXFF;
	return fr;
}

static uint32_t reg_read(struct pl011 *u, uint32_t reg)
{
	switch (reg) {
	case UARTDR:
		return rx_pop(u);
	case UARTRSR:
		return 0; /* no framing, parity, break or overrun errors to report */
	case UARTFR:
		return flags(u);
	case UARTILPR:
		return u->ilpr;
	case UARTIBRD:
		return u->ibrd;
	case UARTFBRD:
		return u->fbrd;
	case UARTLCR_H:
		return u->lcr_h;
	case UARTCR:
		return u->cr;
	case UARTIFLS:
		return u->ifls;
	case UARTIMSC:
		return u->imsc;
	case UARTRIS:
		return u->ris;
	case UARTMIS:
		return u->ris & u->imsc;
	case UARTDMACR:
		return u->dmacr;
	default:
		if (reg >= UARTPERIPHID0 && reg < UARTPERIPHID0 + 4 * UART_ID_REGS)
			return pl011_id[(reg - UARTPERIPHID0) / 4];
		return 0;
	}
}

static void reg_write(struct pl011 *u, uint32_t reg, uint32_t v)
{
	switch (reg) {
	case UARTDR:
		u->tx_count++;
		if (u->cr & CR_LBE)
			(void)rx_push(u, (uint16_t)(v & DR_DATA_MASK));
		else
			u->tx(u->tx_ctx, (uint8_t)v);
		u->ris |= INT_TX;
		break;
	case UARTRSR: /* UARTECR: a write clears the error status */
		break;
	case UARTILPR:
		u->ilpr = v & 0xffu;
		break;
	case UARTIBRD:
		u->ibrd = v & 0xffffu;
		break;
	case UARTFBRD:
		u->fbrd = v & 0x3fu;
		break;
	case UARTLCR_H:
		/* Changing FEN empties the FIFOs (TRM 3.3.7: they are flushed). */
		if ((v ^ u->lcr_h) & LCR_H_FEN) {
			u->rx_count = 0;
			u->ris &= ~(INT_RX | INT_RT);
		}
		u->lcr_h = v & 0xffu;
		break;
	case UARTCR:
		u->cr = v & 0xff87u;
		break;
	case UARTIFLS:
		u->ifls = v & 0x3fu;
		break;
	case UARTIMSC:
		u->imsc = v & INT_ALL;
		break;
	case UARTICR:
		u->ris &= ~(v & INT_ALL);
		break;
	case UARTDMACR:
		u->dmacr = v & 0x7u;
		break;
	default: /* read-only and reserved registers ignore writes */
		break;
	}
}

int pl011_mmio(struct pl011 *u, uint64_t offset, struct armvirt_mmio_access *acc)
{
	uint32_t reg = (uint32_t)offset & ~3u, shift = 8u * ((uint32_t)offset & 3u);

	if (acc->size == 8 || shift + 8u * acc->size > 32u || offset >= 0x1000u) {
		if (!acc->is_write)
			acc->data = 0;
		return 0;
	}
	lock(&u->lock);
	if (acc->is_write) {
		/* A narrow write replaces its bytes of the register (DR: its data byte). */
		uint32_t mask = (uint32_t)((1ull << (8u * acc->size)) - 1u) << shift;
		uint32_t old = reg == UARTDR || reg == UARTICR ? 0 : reg_read(u, reg);
		reg_write(u, reg, (old & ~mask) | (((uint32_t)acc->data << shift) & mask));
	} else {
		/* Only a read that covers DR's data byte consumes a character. */
		uint32_t v = reg == UARTDR && shift ? 0 : reg_read(u, reg);
		acc->data = (v >> shift) & (uint32_t)((1ull << (8u * acc->size)) - 1u);
	}
	unlock(&u->lock);
	return 0;
}

/* The receive input is connected: enabled, and not looped back to the transmitter. */
static bool receiving(const struct pl011 *u)
{
	return (u->cr & (CR_UARTEN | CR_RXE | CR_LBE)) == (CR_UARTEN | CR_RXE);
}

bool pl011_receive(struct pl011 *u, uint8_t c)
{
	bool ok;

	lock(&u->lock);
	ok = receiving(u) && u->rx_count < depth(u) && rx_push(u, c);
	unlock(&u->lock);
	return ok;
}

bool pl011_can_receive(struct pl011 *u)
{
	bool ok;

	lock(&u->lock);
	ok = receiving(u) && u->rx_count < depth(u);
	unlock(&u->lock);
	return ok;
}

bool pl011_irq_level(struct pl011 *u)
{
	bool level;

	lock(&u->lock);
	level = (u->ris & u->imsc) != 0;
	unlock(&u->lock);
	return level;
}
