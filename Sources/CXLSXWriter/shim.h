#ifndef FUNDLEDGER_CXLSXWRITER_SHIM_H
#define FUNDLEDGER_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
